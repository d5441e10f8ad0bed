package dev.tollgate.review;

import dev.tollgate.forge.ReviewDraft;
import dev.tollgate.forge.StatusReport;

/** What to post: one review (may be empty) and the status. */
public record PlannedReview(ReviewDraft review, StatusReport status) {
}
