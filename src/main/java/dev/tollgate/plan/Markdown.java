package dev.tollgate.plan;

/**
 * Safe markdown from untrusted text (file names, resource names, messages quoting file content): nothing a
 * hostile file says can become markup, a mention, an HTML comment or a broken code block.
 */
public final class Markdown {

    private Markdown() {
    }

    /** Text shown as plain words in one line: markup characters escaped, HTML neutralised, mentions defused. */
    public static String text(String raw, int maxChars) {
        String oneLine = truncate(collapse(raw), maxChars);
        StringBuilder sb = new StringBuilder(oneLine.length() + 16);
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '@' -> sb.append("@\u200B"); // a zero-width space stops "@org/team" from notifying anyone
                // brackets are escaped, so "(" and "!" cannot form links or images
                case '\\', '`', '*', '_', '[', ']', '|', '~', '#' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An inline code span that holds any text, whatever backticks it contains. */
    public static String code(String raw, int maxChars) {
        // a zero-width space keeps "<!--" and "-->" from reading as a comment (or a forged marker) in raw text
        String text = truncate(collapse(raw), maxChars).replace("<!--", "<!\u200B--").replace("-->", "--\u200B>");
        String fence = "`".repeat(longestRun(text, '`') + 1);
        boolean pad = text.startsWith("`") || text.endsWith("`") || text.isEmpty();
        return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
    }

    /** A fenced block (optionally with an info string such as {@code suggestion}) that holds any text. */
    public static String fence(String info, String content) {
        String fence = "`".repeat(Math.max(3, longestRun(content, '`') + 1));
        return fence + info + "\n" + content + "\n" + fence;
    }

    /**
     * Markdown written by rule authors (description, remediation): kept as markdown, but bounded and unable
     * to open or close an HTML comment, which would hide or fake the bot's markers.
     */
    public static String authored(String raw, int maxChars) {
        if (raw == null) {
            return "";
        }
        return truncate(raw.strip(), maxChars).replace("<!--", "&lt;!--").replace("-->", "--&gt;");
    }

    static String truncate(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        return text.length() <= maxChars ? text : text.substring(0, Math.max(0, maxChars - 1)) + "…";
    }

    private static String collapse(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(raw.length(), 100_000));
        for (int i = 0; i < raw.length() && sb.length() < 100_000; i++) {
            char c = raw.charAt(i);
            sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return sb.toString().strip();
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
