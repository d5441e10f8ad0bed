package dev.tollgate.plan;

import dev.tollgate.policy.Finding;
import dev.tollgate.policy.Severity;

import java.time.LocalDate;

/**
 * Renders one finding as an inline review comment: severity badge, rule id and title first; why it matters;
 * what is wrong here; how to fix it (with a one-click {@code suggestion} when the rule has a one-line fix);
 * how to request an exception; and the hidden {@link Marker}. Text from files is escaped ({@link Markdown}).
 */
public final class CommentRenderer {

    /** GitHub refuses bodies over 65,536 characters; stay well below whatever goes in. */
    public static final int MAX_BODY = 60_000;
    static final int MAX_FIELD = 4_000;

    private final LocalDate today;
    private final int maxExceptionDays;

    public CommentRenderer(LocalDate today, int maxExceptionDays) {
        this.today = today;
        this.maxExceptionDays = maxExceptionDays;
    }

    public static String badge(Severity severity) {
        String icon = switch (severity) {
            case CRITICAL -> "🔴";
            case HIGH -> "🟠";
            case MEDIUM -> "🟡";
            case LOW -> "🔵";
        };
        return icon + " **" + severity.label().toUpperCase(java.util.Locale.ROOT) + "**";
    }

    /**
     * @param finding      the finding
     * @param originalLine the text of {@code finding.startLine()} at head, or null when unknown
     * @param blocking     whether it fails the status
     * @param key          the marker key
     * @param line         the line the comment sits on (a suggestion only replaces the finding's own line)
     * @return the markdown body, at most {@link #MAX_BODY} characters, ending with the hidden marker
     */
    public String inline(Finding finding, String originalLine, boolean blocking, String key, int line) {
        StringBuilder body = new StringBuilder();
        body.append(badge(finding.severity())).append(" · ").append(Markdown.code(finding.ruleId(), 100))
                .append(" · ").append(Markdown.text(finding.title(), 300)).append("\n\n");
        appendParagraph(body, Markdown.authored(finding.description(), MAX_FIELD));
        boolean messageSaysMore = finding.message() != null && !finding.message().isBlank()
                && !finding.message().strip().equalsIgnoreCase(finding.title().strip());
        appendParagraph(body, "**Here:** " + Markdown.code(finding.resource(), 300)
                + (messageSaysMore ? " — " + Markdown.text(finding.message(), MAX_FIELD) : ""));
        String remediation = Markdown.authored(finding.remediation(), MAX_FIELD);
        if (!remediation.isEmpty()) {
            appendParagraph(body, "**How to fix:** " + remediation);
        }
        if (finding.suggestion() != null && originalLine != null && line == finding.startLine() && !isJson(finding)) {
            body.append(Markdown.fence("suggestion", indented(finding.suggestion(), originalLine))).append("\n\n");
        }
        if (finding.status() == dev.tollgate.policy.FindingStatus.INVALID_EXCEPTION) {
            appendParagraph(body, "> ⚠️ **The exception here does not count:** "
                    + Markdown.text(finding.statusDetail(), MAX_FIELD));
        }
        appendParagraph(body, blocking ? "> ⛔ This finding blocks the merge until it is fixed or excepted."
                : "> ℹ️ This finding does not block the merge.");
        body.append(exceptionHelp(finding)).append("\n\n");
        String marker = Marker.of(key);
        String text = body.toString();
        if (text.length() + marker.length() > MAX_BODY) {
            text = text.substring(0, MAX_BODY - marker.length() - 40) + "\n\n…(comment shortened)\n\n";
        }
        return text + marker;
    }

    /** JSON files (plans, templates) get no one-line suggestion: rule suggestions are written in HCL. */
    private static boolean isJson(Finding finding) {
        return finding.file() != null && finding.file().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    /** The collapsed how-to for exceptions, in the form the file's format allows. */
    String exceptionHelp(Finding finding) {
        String expires = today.plusDays(Math.min(30, maxExceptionDays)).toString();
        String example = "owner=@your-team expires=" + expires + " reason=\"why this is acceptable\"";
        String how = isJson(finding)
                ? "JSON has no comments: in a CloudFormation template add to the resource's `Metadata`:\n\n"
                + Markdown.fence("", "\"tollgate\": {\"exceptions\": [{\"rule\": \"" + finding.ruleId()
                + "\", \"owner\": \"@your-team\", \"expires\": \"" + expires
                + "\", \"reason\": \"why this is acceptable\"}]}")
                + "\n\non a Kubernetes object the annotation `tollgate.dev/exception." + finding.ruleId()
                + "`; a Terraform plan is generated, so write the exception next to the resource in its `.tf` file."
                : "Add this comment directly above the resource, inside it, or on the flagged line:\n\n"
                + Markdown.fence("", "# tollgate:exception " + finding.ruleId() + " " + example);
        String reply = "\n\nor reply to this comment on GitHub with:\n\n"
                + Markdown.fence("", "/tollgate exception " + example);
        return "<details><summary>Request an exception</summary>\n\n" + how + reply + "\n\n"
                + "An exception needs an owner (`@user`, `@org/team` or an email), an expiry date at most "
                + maxExceptionDays + " days away, and a reason; a reviewer sees it in the diff.\n</details>";
    }

    /** The suggestion with the original line's indentation on each of its lines. */
    static String indented(String suggestion, String originalLine) {
        int i = 0;
        while (i < originalLine.length() && (originalLine.charAt(i) == ' ' || originalLine.charAt(i) == '\t')) {
            i++;
        }
        String indent = originalLine.substring(0, i);
        String aligned = keepAlignment(suggestion, originalLine);
        if (aligned != null) {
            return aligned;
        }
        StringBuilder sb = new StringBuilder();
        String[] lines = suggestion.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            sb.append(k == 0 ? "" : "\n").append(indent).append(k == 0 ? lines[k].stripLeading() : lines[k]);
        }
        return sb.toString();
    }

    /**
     * For a one-line {@code key = value} fix of a line that sets the same key, the original line up to its
     * {@code =} followed by the new value, so that aligned blocks stay aligned; null otherwise.
     */
    private static String keepAlignment(String suggestion, String originalLine) {
        int newEq = suggestion.indexOf('=');
        int oldEq = originalLine.indexOf('=');
        if (suggestion.contains("\n") || newEq < 0 || oldEq < 0
                || !suggestion.substring(0, newEq).strip().equals(originalLine.substring(0, oldEq).strip())) {
            return null;
        }
        return originalLine.substring(0, oldEq + 1) + " " + suggestion.substring(newEq + 1).strip();
    }

    private static void appendParagraph(StringBuilder body, String paragraph) {
        if (!paragraph.isBlank()) {
            body.append(paragraph).append("\n\n");
        }
    }
}
