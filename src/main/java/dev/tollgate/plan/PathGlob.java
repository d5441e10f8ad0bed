package dev.tollgate.plan;

/**
 * A path pattern from {@code .tollgate.yml}: {@code *} and {@code ?} within one path segment, {@code **} for any
 * number of segments. Like {@code .gitignore}, a pattern without a slash matches a file or directory name at any
 * depth ({@code *.md}, {@code examples}); a pattern with one is anchored at the repository root
 * ({@code modules/legacy/**}); a trailing slash means everything below that directory.
 *
 * <p>Matched without regular expressions, in time bounded by pattern length times path length.
 */
public final class PathGlob {

    public static final int MAX_PATTERN_LENGTH = 256;
    private static final int MAX_PATH_LENGTH = 4096;

    private final String pattern;
    private final String[] segments;

    private PathGlob(String pattern, String[] segments) {
        this.pattern = pattern;
        this.segments = segments;
    }

    /** @throws IllegalArgumentException when the pattern is empty or too long */
    public static PathGlob compile(String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.length() > MAX_PATTERN_LENGTH) {
            throw new IllegalArgumentException("a path pattern must have 1 to " + MAX_PATTERN_LENGTH + " characters");
        }
        String p = pattern.trim();
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        boolean anchored = p.startsWith("/") || p.substring(0, p.length() - 1).contains("/");
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("/")) {
            p = p + "**";
        } else if (!anchored) {
            p = p + "/**"; // a bare name also covers everything below a directory of that name
        }
        if (!anchored) {
            p = "**/" + p;
        }
        return new PathGlob(pattern, p.split("/+"));
    }

    public boolean matches(String path) {
        if (path == null || path.length() > MAX_PATH_LENGTH) {
            return false;
        }
        String normalized = path.replace('\\', '/');
        while (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        while (normalized.startsWith("/")) {
            normalized = normalized.substring(1);
        }
        String[] parts = normalized.split("/+");
        // reachable[j]: the pattern segments consumed so far can match exactly the first j path segments
        boolean[] reachable = new boolean[parts.length + 1];
        reachable[0] = true;
        for (String segment : segments) {
            boolean[] next = new boolean[parts.length + 1];
            if (segment.equals("**")) {
                boolean any = false;
                for (int j = 0; j <= parts.length; j++) {
                    any |= reachable[j];
                    next[j] = any;
                }
            } else {
                for (int j = 0; j < parts.length; j++) {
                    if (reachable[j] && segmentMatches(segment, parts[j])) {
                        next[j + 1] = true;
                    }
                }
            }
            reachable = next;
        }
        return reachable[parts.length];
    }

    /** Wildcard match of one segment: greedy with one backtrack point, O(pattern x text). */
    static boolean segmentMatches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
