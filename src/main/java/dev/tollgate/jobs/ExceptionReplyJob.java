package dev.tollgate.jobs;

import dev.tollgate.forge.PullRequestRef;

import java.time.Instant;

/**
 * A reply in a review-comment thread that asks for an exception ({@code /tollgate exception ...}).
 *
 * @param commentId   the reply
 * @param inReplyToId the comment it answers (the thread's first comment: the bot's finding, if all is well)
 * @param author      the login that wrote the reply
 */
public record ExceptionReplyJob(PullRequestRef pullRequest, long commentId, long inReplyToId, String author,
                                String body, String deliveryId, Instant receivedAt) {
}
