package dev.tollgate.policy.secrets;

import dev.tollgate.iac.SourceFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds embedded secrets in any text file with high confidence: known token formats, checked by structure
 * (and entropy where the format alone is weak); never a variable reference, an interpolation or an obvious
 * placeholder.
 *
 * <p>No regular expressions: every check is a single left-to-right pass over a line (character runs and
 * {@code indexOf}), so the work is linear in the file size whatever the input. AWS's documentation key
 * {@code AKIAIOSFODNN7EXAMPLE} is reported like any other access key id: the format is exact, and a reviewer
 * wants every hard-coded key flagged, even a stand-in, because the next commit may replace it with a real one.
 */
public final class SecretDetector {

    /** Hits per file beyond which a file is certainly not worth more detail. */
    static final int MAX_HITS_PER_FILE = 200;
    /** An AWS secret key counts as paired with an access key id this many lines away. */
    static final int AWS_PAIR_DISTANCE = 5;
    /** A PEM block's END line is looked for this far down. */
    static final int PEM_MAX_LINES = 200;
    static final int GENERIC_MIN_LENGTH = 12;
    static final double GENERIC_MIN_ENTROPY = 3.0;
    private static final Pattern AWS_KEY_ID = Pattern.compile("(AKIA|ASIA)[A-Z0-9]{16}");
    private static final Pattern AWS_SECRET_FORM = Pattern.compile("[A-Za-z0-9/+]{40}");
    /** Shortest value {@link #isLiteralSecret} takes for a secret. */
    static final int LITERAL_MIN_LENGTH = 6;
    /** Generic assignments are only parsed on lines up to this length; token formats are checked on any line. */
    static final int GENERIC_MAX_LINE = 10_000;

    private static final String[] PLACEHOLDER_WORDS = {
            "changeme", "change_me", "change-me", "example", "placeholder", "your-", "your_", "yourpass",
            "replace_me", "replace-me", "replaceme", "xxxx", "****", "dummy", "redacted", "todo", "fixme",
            "<", ">", "...", "sample", "not-a-real", "notreal", "fake"};

    private static final String[] SECRET_KEY_WORDS = {
            "password", "passwd", "pwd", "secret", "token", "apikey", "accesskey", "privatekey", "clientsecret",
            "authkey"};

    /** Key names ending like this name something about a secret (its name, file, length), not the secret. */
    private static final String[] NON_SECRET_KEY_SUFFIXES = {
            "name", "arn", "id", "ids", "file", "path", "url", "uri", "length", "len", "type", "policy", "version",
            "enabled", "count", "ttl", "rotation", "template", "prefix", "suffix", "header", "param", "parameter",
            "field", "ref", "kms", "kmskeyid", "location", "mode", "format", "lifetime", "expiry", "expiration",
            "endpoint", "source", "sources", "required", "policyarn"};

    public List<SecretHit> scan(SourceFile file) {
        String text = file.text() == null ? "" : file.text();
        String[] lines = text.split("\n", -1);
        boolean hcl = isHcl(file.path());
        List<SecretHit> hits = new ArrayList<>();
        List<Integer> awsKeyIdLines = new ArrayList<>();
        List<AwsSecretCandidate> awsSecretCandidates = new ArrayList<>();

        for (int i = 0; i < lines.length && hits.size() < MAX_HITS_PER_FILE; i++) {
            String line = stripCr(lines[i]);
            int lineNo = i + 1;
            int before = hits.size();
            findPrivateKey(lines, i, line, hits);
            findTokens(line, lineNo, hits, awsKeyIdLines);
            findAwsSecretCandidates(line, lineNo, awsSecretCandidates);
            if (hits.size() == before && line.length() <= GENERIC_MAX_LINE) {
                findGenericPassword(line, lineNo, hcl, hits);
            }
        }
        for (AwsSecretCandidate candidate : awsSecretCandidates) {
            boolean paired = candidate.named() || awsKeyIdLines.stream()
                    .anyMatch(keyLine -> Math.abs(keyLine - candidate.line()) <= AWS_PAIR_DISTANCE);
            if (paired && hits.size() < MAX_HITS_PER_FILE) {
                hits.removeIf(h -> h.line() == candidate.line() && h.kind().equals("generic-password"));
                hits.add(hit("aws-secret-key", candidate.line(), candidate.column(), candidate.line(),
                        candidate.value()));
            }
        }
        hits.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        return hits.size() > MAX_HITS_PER_FILE ? List.copyOf(hits.subList(0, MAX_HITS_PER_FILE)) : List.copyOf(hits);
    }

    // ---- PEM private keys -------------------------------------------------------------------------------

    private static final String[] PEM_TYPES = {"", "RSA ", "EC ", "OPENSSH ", "DSA ", "PGP ", "ENCRYPTED "};

    private void findPrivateKey(String[] lines, int index, String line, List<SecretHit> hits) {
        int begin = line.indexOf("-----BEGIN ");
        if (begin < 0) {
            return;
        }
        int typeStart = begin + "-----BEGIN ".length();
        String type = null;
        for (String candidate : PEM_TYPES) {
            if (line.startsWith(candidate + "PRIVATE KEY-----", typeStart)
                    || line.startsWith(candidate + "PRIVATE KEY BLOCK-----", typeStart)) {
                type = candidate;
                break;
            }
        }
        if (type == null) {
            return;
        }
        int headerEnd = line.indexOf("-----", typeStart) + 5;
        String body = firstBodyRun(line.substring(headerEnd));
        if (body.length() < 16 && index + 1 < lines.length) {
            body = firstBodyRun(lines[index + 1]);
        }
        if (body.length() < 16 || isPlaceholder(body)) {
            return; // a header alone, or "-----BEGIN RSA PRIVATE KEY-----\n...": documentation, not a key
        }
        int endLine = index + 1;
        if (line.indexOf("-----END ", headerEnd) < 0) {
            for (int j = index + 1; j < lines.length && j <= index + PEM_MAX_LINES; j++) {
                if (lines[j].contains("-----END ")) {
                    endLine = j + 1;
                    break;
                }
            }
        }
        hits.add(hit("private-key", index + 1, begin + 1, endLine, body));
    }

    /** The first run of base64 characters after skipping blanks, quotes and literal {@code \n} escapes. */
    private static String firstBodyRun(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'n') {
                i += 2;
            } else if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '|' || c == ',') {
                i++;
            } else {
                break;
            }
        }
        int start = i;
        while (i < text.length() && isBase64(text.charAt(i)) && i - start < 64) {
            i++;
        }
        return text.substring(start, i);
    }

    // ---- token formats ----------------------------------------------------------------------------------

    private void findTokens(String line, int lineNo, List<SecretHit> hits, List<Integer> awsKeyIdLines) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (!isTokenChar(line.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isTokenChar(line.charAt(i))) {
                i++;
            }
            String kind = tokenKind(line, start, i);
            if (kind != null) {
                if (kind.equals("aws-access-key")) {
                    awsKeyIdLines.add(lineNo);
                }
                hits.add(hit(kind, lineNo, start + 1, lineNo, line.substring(start, i)));
            }
        }
    }

    /** Kind of the token in {@code line[start, end)}, a maximal run of [A-Za-z0-9_-], or null. */
    private static String tokenKind(String line, int start, int end) {
        int length = end - start;
        if (length == 20 && (line.startsWith("AKIA", start) || line.startsWith("ASIA", start))
                && allMatch(line, start + 4, end, SecretDetector::isBase32Upper)) {
            return "aws-access-key";
        }
        for (String prefix : new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}) {
            if (line.startsWith(prefix, start) && length >= 40 && length <= 255
                    && allMatch(line, start + 4, end, SecretDetector::isAlnum) && looksRandom(line, start + 4, end)) {
                return "github-token";
            }
        }
        if (line.startsWith("github_pat_", start) && length >= 11 + 22 && length <= 255
                && allMatch(line, start + 11, end, c -> isAlnum(c) || c == '_') && looksRandom(line, start + 11, end)) {
            return "github-token";
        }
        if (line.startsWith("glpat-", start) && length >= 6 + 20 && length <= 255 && looksRandom(line, start + 6, end)) {
            return "gitlab-token";
        }
        if (line.startsWith("xox", start) && length >= 15 && "baprs".indexOf(line.charAt(start + 3)) >= 0
                && line.charAt(start + 4) == '-' && containsDigit(line, start + 5, end)
                && allMatch(line, start + 5, end, c -> isAlnum(c) || c == '-') && looksRandom(line, start + 5, end)) {
            return "slack-token";
        }
        if (line.startsWith("sk_live_", start) && length >= 8 + 16
                && allMatch(line, start + 8, end, SecretDetector::isAlnum) && looksRandom(line, start + 8, end)) {
            return "stripe-key";
        }
        if (length == 39 && line.startsWith("AIza", start) && looksRandom(line, start + 4, end)) {
            return "google-api-key";
        }
        return null;
    }

    /** Structure is not enough when a value is "ghp_xxxx...": require variety and no placeholder word. */
    private static boolean looksRandom(String line, int start, int end) {
        String body = line.substring(start, end);
        return !isPlaceholder(body) && entropy(body) >= 3.0;
    }

    // ---- AWS secret access keys -------------------------------------------------------------------------

    /** A 40-character string shaped like an AWS secret key; reported only next to a key id or under an AWS name. */
    private record AwsSecretCandidate(int line, int column, boolean named, String value) {
    }

    private void findAwsSecretCandidates(String line, int lineNo, List<AwsSecretCandidate> candidates) {
        int n = line.length();
        int i = 0;
        while (i < n) {
            if (!isBase64(line.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isBase64(line.charAt(i))) {
                i++;
            }
            int end = i;
            while (end > start && line.charAt(end - 1) == '=') {
                end--; // "key=value" runs: '=' is base64 padding, never inside a 40-char secret key
            }
            int valueStart = start;
            for (int j = end - 1; j >= start && end - j <= 41; j--) {
                if (line.charAt(j) == '=') {
                    valueStart = j + 1;
                    break;
                }
            }
            if (end - valueStart == 40 && allMatch(line, valueStart, end, c -> c != '=')) {
                String value = line.substring(valueStart, end);
                if (hasUpperLowerAndDigitOrSymbol(value) && entropy(value) >= 4.0) {
                    String key = normalizedKeyBefore(line, valueStart);
                    boolean named = key.contains("secret") && (key.contains("aws") || key.contains("access"));
                    candidates.add(new AwsSecretCandidate(lineNo, valueStart + 1, named, value));
                }
            }
        }
    }

    // ---- generic passwords ------------------------------------------------------------------------------

    private void findGenericPassword(String line, int lineNo, boolean hcl, List<SecretHit> hits) {
        Assignment assignment = Assignment.parse(line);
        if (assignment == null || !isSecretKey(assignment.key())) {
            return;
        }
        if (hcl && !assignment.quoted()) {
            return; // unquoted HCL values are references or function calls
        }
        String value = assignment.value();
        if (value.length() < GENERIC_MIN_LENGTH || value.length() > 1000 || isReference(value) || isPlaceholder(value)
                || value.indexOf(' ') >= 0 || value.startsWith("/") || value.startsWith("./") || value.startsWith("~/")
                || value.contains("://") || value.startsWith("arn:") || entropy(value) < GENERIC_MIN_ENTROPY) {
            return;
        }
        hits.add(hit("generic-password", lineNo, assignment.valueColumn(), lineNo, value));
    }

    static boolean isSecretKey(String rawKey) {
        String key = normalize(rawKey);
        if (key.isEmpty()) {
            return false;
        }
        boolean secretWord = false;
        for (String word : SECRET_KEY_WORDS) {
            if (key.contains(word)) {
                secretWord = true;
                break;
            }
        }
        if (!secretWord) {
            return false;
        }
        for (String suffix : NON_SECRET_KEY_SUFFIXES) {
            if (key.endsWith(suffix)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code key = value} hard-codes a secret: a secret-looking key name (not the name, ARN or path of a
     * secret) holding a literal that is not a reference, a placeholder or a pointer to a secret store. For values
     * already split from their key (an environment variable map); no entropy floor, since the key names it.
     * An AWS access key id, or a 40-character AWS secret key under a secret-looking name, counts even when it
     * is AWS's documentation example: in resource configuration the value is what gets deployed.
     */
    public static boolean isLiteralSecret(String key, String value) {
        if (key == null || value == null) {
            return false;
        }
        String v = value.trim();
        if (AWS_KEY_ID.matcher(v).matches()) {
            return true; // a credential in its exact form, documentation keys included: the value is deployed
        }
        if (!isSecretKey(key)) {
            return false;
        }
        if (AWS_SECRET_FORM.matcher(v).matches() && hasUpperLowerAndDigitOrSymbol(v)) {
            return true;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        return v.length() >= LITERAL_MIN_LENGTH && v.length() <= 1000 && !isReference(v) && !isPlaceholder(v)
                && !v.startsWith("/") && !lower.startsWith("arn:") && !lower.contains("://")
                && !lower.startsWith("{{resolve:") && !lower.equals("true") && !lower.equals("false")
                && !lower.equals("null") && !lower.equals("none");
    }

    private static boolean isReference(String value) {
        String v = value.trim();
        return v.startsWith("$") || v.contains("${") || v.contains("{{") || v.contains("%{") || v.contains("$(")
                || v.startsWith("!") || v.startsWith("*") || v.startsWith("&") || v.startsWith("[") || v.startsWith("{")
                || v.startsWith("var.") || v.startsWith("local.") || v.startsWith("module.") || v.startsWith("data.")
                || v.startsWith("random_") || v.startsWith("secrets.") || v.startsWith("env.");
    }

    static boolean isPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (String word : PLACEHOLDER_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return allMatch(value, 1, value.length(), c -> c == value.charAt(0));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static SecretHit hit(String kind, int line, int column, int endLine, String secret) {
        String prefix = secret.length() <= 4 ? "" : secret.substring(0, 4);
        return new SecretHit(kind, line, column, endLine, kind + " " + prefix + "…");
    }

    static double entropy(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        java.util.Map<Character, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < s.length(); i++) {
            counts.merge(s.charAt(i), 1, Integer::sum);
        }
        double result = 0;
        for (int count : counts.values()) {
            double p = (double) count / s.length();
            result -= p * (Math.log(p) / Math.log(2));
        }
        return result;
    }

    private static String normalizedKeyBefore(String line, int valueStart) {
        Assignment assignment = Assignment.parse(line);
        if (assignment != null && assignment.valueColumn() - 1 <= valueStart) {
            return normalize(assignment.key());
        }
        return "";
    }

    static String normalize(String key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static boolean isHcl(String path) {
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return p.endsWith(".tf") || p.endsWith(".hcl") || p.endsWith(".tfvars");
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean hasUpperLowerAndDigitOrSymbol(String v) {
        boolean upper = false;
        boolean lower = false;
        boolean other = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            other |= (c >= '0' && c <= '9') || c == '/' || c == '+';
        }
        return upper && lower && other;
    }

    private static boolean containsDigit(String s, int start, int end) {
        return !allMatch(s, start, end, c -> c < '0' || c > '9');
    }

    private interface CharTest {
        boolean test(char c);
    }

    private static boolean allMatch(String s, int start, int end, CharTest test) {
        for (int i = start; i < end; i++) {
            if (!test.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isTokenChar(char c) {
        return isAlnum(c) || c == '_' || c == '-';
    }

    private static boolean isBase32Upper(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
    }

    private static boolean isBase64(char c) {
        return isAlnum(c) || c == '+' || c == '/' || c == '=';
    }
}
