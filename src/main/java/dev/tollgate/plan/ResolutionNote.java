package dev.tollgate.plan;

import java.util.List;

/**
 * The bot's reply in the thread of an earlier inline comment whose findings are no longer open: one line per
 * finding, then {@link Marker#REPLY} and a {@link Marker#resolved} marker per finding, so that the next push
 * recognises the thread as answered and does not say it again.
 */
public final class ResolutionNote {

    private static final int SHORT_SHA = 7;
    private static final int MAX_REASON = 300;

    private ResolutionNote() {
    }

    /** @param stale the stale findings of one thread (one comment id), at least one */
    public static String render(List<ReviewPlan.StaleComment> stale, String headSha) {
        if (stale.isEmpty()) {
            throw new IllegalArgumentException("a resolution note needs at least one finding");
        }
        String at = Markdown.code(shortSha(headSha), SHORT_SHA);
        StringBuilder body = new StringBuilder();
        for (ReviewPlan.StaleComment s : stale) {
            String subject = stale.size() > 1 ? ruleOf(s.key()) + ": " : "";
            String line = switch (s.why()) {
                case FIXED -> "✅ Resolved in " + at + ": " + subject + "no longer found.";
                case EXCEPTED -> "🛡️ Excepted in " + at + ": " + subject
                        + Markdown.text(s.reason() == null ? "excepted" : s.reason(), MAX_REASON) + ".";
                case OUT_OF_CHANGE -> "ℹ️ As of " + at + ", " + subject
                        + "this finding is no longer on a line this change touches; the summary still lists it.";
            };
            body.append(line).append('\n');
        }
        body.append('\n').append(Marker.REPLY);
        stale.forEach(s -> body.append('\n').append(Marker.resolved(s.key())));
        return body.toString();
    }

    static String shortSha(String sha) {
        return sha == null ? "" : sha.length() <= SHORT_SHA ? sha : sha.substring(0, SHORT_SHA);
    }

    /** The rule id of a marker key ({@code rule:file:resource}), escaped; a hashed key is shown as is. */
    private static String ruleOf(String key) {
        int colon = key.indexOf(':');
        return "**" + Markdown.text(key.startsWith("sha256:") || colon < 0 ? key : key.substring(0, colon), 100) + "**";
    }
}
