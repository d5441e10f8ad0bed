package dev.tollgate.plan;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The hidden marker every bot comment carries: {@code <!-- tollgate:KEY -->}, where KEY is the finding's
 * fingerprint (plus {@code #2}, {@code #3} ... when one fingerprint occurs more than once in a change). The key
 * is percent-encoded where it could end the HTML comment or hide in whitespace, so a hostile file or resource
 * name can neither break the marker nor forge another one. {@link #find} reads it back.
 */
public final class Marker {

    public static final String SUMMARY = "<!-- tollgate:summary -->";
    /** Marks the bot's answers in a comment thread (to an exception request), which concern no finding of their own. */
    public static final String REPLY = "<!-- tollgate:reply -->";
    private static final String OPEN = "<!-- tollgate:";
    private static final String CLOSE = " -->";
    private static final String RESOLVED = "resolved:";

    private Marker() {
    }

    /** Fingerprints longer than this (hostile resource names) are replaced by their SHA-256 in markers. */
    static final int MAX_KEY = 512;

    /**
     * The marker key of the {@code occurrence}-th finding (1-based) with this fingerprint: the fingerprint itself,
     * {@code #n} appended for repeats, and a SHA-256 digest instead when it is absurdly long.
     */
    public static String key(String fingerprint, int occurrence) {
        String key = occurrence <= 1 ? fingerprint : fingerprint + "#" + occurrence;
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The marker for a key from {@link #key}. */
    public static String of(String key) {
        return OPEN + encode(key) + CLOSE;
    }

    /**
     * The key of the finding marker in a comment body, read from the end (where the bot puts it); empty for the
     * summary or a comment the bot did not write.
     */
    public static Optional<String> find(String body) {
        if (body == null) {
            return Optional.empty();
        }
        int start = body.lastIndexOf(OPEN);
        if (start < 0) {
            return Optional.empty();
        }
        int end = body.indexOf(CLOSE, start + OPEN.length());
        if (end < 0) {
            return Optional.empty();
        }
        String encoded = body.substring(start + OPEN.length(), end);
        return isNotAFinding(encoded) ? Optional.empty() : Optional.of(decode(encoded));
    }

    /** The keys of every finding marker in a body (a comment that groups the findings on one line has several). */
    public static java.util.List<String> findAll(String body) {
        return markers(body).stream().filter(encoded -> !isNotAFinding(encoded)).map(Marker::decode).toList();
    }

    /** The contents of the first 100 closed markers of a body, still encoded. */
    private static java.util.List<String> markers(String body) {
        java.util.List<String> found = new java.util.ArrayList<>();
        int from = 0;
        while (body != null && found.size() < 100) {
            int start = body.indexOf(OPEN, from);
            int end = start < 0 ? -1 : body.indexOf(CLOSE, start + OPEN.length());
            if (end < 0) {
                break;
            }
            found.add(body.substring(start + OPEN.length(), end));
            from = end + CLOSE.length();
        }
        return found;
    }

    private static boolean isNotAFinding(String encoded) {
        return encoded.equals("summary") || encoded.equals("reply") || encoded.startsWith(RESOLVED);
    }

    /** Marks the bot's reply that closes the thread of the finding {@code key} (fixed, excepted ...). */
    public static String resolved(String key) {
        return OPEN + RESOLVED + encode(key) + CLOSE;
    }

    /** The keys of every resolution marker ({@link #resolved}) in a body. */
    public static java.util.Set<String> findResolved(String body) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        markers(body).stream().filter(encoded -> encoded.startsWith(RESOLVED))
                .forEach(encoded -> keys.add(decode(encoded.substring(RESOLVED.length()))));
        return keys;
    }

    static String encode(String key) {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean safe = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || "._:/@+=[],#".indexOf(b) >= 0
                    || (b == '-' && (i == 0 || bytes[i - 1] != '-') && i < bytes.length - 1);
            if (safe) {
                sb.append((char) b);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    static String decode(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()
                    && Character.digit(encoded.charAt(i + 1), 16) >= 0 && Character.digit(encoded.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
