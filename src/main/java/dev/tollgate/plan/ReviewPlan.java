package dev.tollgate.plan;

import java.util.List;

/**
 * Everything the forge adapters post for one head SHA: one review (body + new inline comments), edits of the
 * bot's earlier comments, comments whose finding went away, the check-run annotations, and the status last.
 *
 * @param conclusion        what the {@code tollgate} status/check says
 * @param statusDescription at most 140 characters, e.g. "2 new findings block this change (1 high, 1 medium)"
 * @param summary           the review body / summary comment, markdown, starting with {@link Marker#SUMMARY}
 * @param comments          inline comments to create, on RIGHT-side lines of the diff
 * @param updates           earlier bot comments (by id) whose finding is still here: new body to set
 * @param stale             earlier bot comments whose finding is fixed, excepted or no longer on a changed line
 * @param annotations       check-run annotations (GitHub App), blocking first
 * @param blockingCount     findings (and unreadable changed files) that fail the status
 */
public record ReviewPlan(Conclusion conclusion, String statusDescription, String summary,
                         List<InlineComment> comments, List<CommentUpdate> updates, List<StaleComment> stale,
                         List<CheckAnnotation> annotations, int blockingCount) {

    public ReviewPlan {
        comments = List.copyOf(comments);
        updates = List.copyOf(updates);
        stale = List.copyOf(stale);
        annotations = List.copyOf(annotations);
    }

    public enum Conclusion {
        SUCCESS, FAILURE;

        /** The word both forges use: {@code success} / {@code failure}. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A new comment on {@code line} of {@code path} (RIGHT side); {@code key} is what its marker carries. */
    public record InlineComment(String path, int line, String body, String key) {
    }

    /** Replace the body of the bot's earlier comment {@code commentId} (the finding is still open there). */
    public record CommentUpdate(String commentId, String path, int line, String body, String key) {
    }

    /** The bot's earlier comment {@code commentId} no longer matches an open finding; {@code reason} says why. */
    public record StaleComment(String commentId, String key, Why why, String reason) {

        public enum Why { FIXED, EXCEPTED, OUT_OF_CHANGE }
    }

    public enum AnnotationLevel {
        FAILURE, WARNING, NOTICE;

        /** GitHub's {@code annotation_level} value. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One check-run annotation; plain text (GitHub does not render markdown there). */
    public record CheckAnnotation(String path, int startLine, int endLine, AnnotationLevel level, String title,
                                  String message) {
    }
}
