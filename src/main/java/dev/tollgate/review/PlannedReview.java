package dev.tollgate.review;

import dev.tollgate.forge.ReviewDraft;
import dev.tollgate.forge.StatusReport;

import java.util.List;

/** What to post: one review (may be empty), replies in the threads of resolved findings, and the status. */
public record PlannedReview(ReviewDraft review, List<Reply> replies, StatusReport status) {

    public PlannedReview {
        replies = List.copyOf(replies);
    }

    /** An answer in the thread of the bot's earlier inline comment {@code commentId}. */
    public record Reply(long commentId, String body) {
    }
}
