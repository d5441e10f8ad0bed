package dev.tollgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.exception.ExceptionRequest;
import dev.tollgate.forge.PullRequestRef;
import dev.tollgate.jobs.ExceptionReplyJob;
import dev.tollgate.jobs.ReviewJob;

import java.time.Instant;
import java.util.Set;

/**
 * What a verified GitHub webhook asks for: a review job, an exception request made by reply, a pong, or nothing
 * (with the reason).
 */
public record GitHubEvent(ReviewJob job, ExceptionReplyJob exceptionReply, String ignoredReason, boolean ping) {

    /** Pull-request actions that change what is to be reviewed. */
    public static final Set<String> REVIEWED_ACTIONS = Set.of("opened", "synchronize", "reopened", "ready_for_review");
    /** GitHub's limit on a comment body; a longer one is not a comment GitHub sent. */
    static final int MAX_COMMENT_BODY = 65_536;
    private static final String TOLLGATE_MARKER = "<!-- tollgate:";

    /** @throws IllegalArgumentException when a payload lacks what its handling needs */
    public static GitHubEvent of(String eventName, JsonNode payload, String deliveryId, Instant now) {
        if ("ping".equals(eventName)) {
            return new GitHubEvent(null, null, null, true);
        }
        if ("pull_request_review_comment".equals(eventName)) {
            return reviewComment(payload, deliveryId, now);
        }
        if (!"pull_request".equals(eventName)) {
            return ignored("event '" + eventName + "' is not handled");
        }
        String action = payload.path("action").asText("");
        if (!REVIEWED_ACTIONS.contains(action)) {
            return ignored("pull_request action '" + action + "' is not reviewed");
        }
        JsonNode pull = payload.path("pull_request");
        String headSha = pull.path("head").path("sha").asText("");
        PullRequestRef ref = pullRequest(payload);
        if (ref == null || !headSha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("pull_request payload lacks repository.full_name, the number or a head sha");
        }
        return new GitHubEvent(new ReviewJob(ref, headSha, deliveryId, now), null, null, false);
    }

    /** A reply asking for an exception; any other review comment (including the bot's own) is ignored. */
    private static GitHubEvent reviewComment(JsonNode payload, String deliveryId, Instant now) {
        String action = payload.path("action").asText("");
        if (!"created".equals(action)) {
            return ignored("pull_request_review_comment action '" + action + "' is not handled");
        }
        JsonNode comment = payload.path("comment");
        String body = comment.path("body").asText("");
        if (!body.contains(ExceptionRequest.COMMAND)) {
            return ignored("the review comment requests no exception");
        }
        if (body.contains(TOLLGATE_MARKER)) {
            return ignored("the review comment was written by Tollgate");
        }
        JsonNode inReplyTo = comment.path("in_reply_to_id");
        if (!inReplyTo.canConvertToLong() || inReplyTo.asLong() <= 0) {
            return ignored("an exception is requested by replying to a Tollgate comment; this comment replies to none");
        }
        PullRequestRef ref = pullRequest(payload);
        long id = comment.path("id").asLong(0);
        String author = comment.path("user").path("login").asText("");
        if (ref == null || id <= 0 || author.isBlank() || author.length() > 100 || body.length() > MAX_COMMENT_BODY) {
            throw new IllegalArgumentException("pull_request_review_comment payload lacks repository.full_name, the"
                    + " pull request number, the comment id or its author, or its body is too long");
        }
        return new GitHubEvent(null, new ExceptionReplyJob(ref, id, inReplyTo.asLong(), author, body, deliveryId, now),
                null, false);
    }

    private static PullRequestRef pullRequest(JsonNode payload) {
        String repository = payload.path("repository").path("full_name").asText("");
        int number = payload.path("pull_request").path("number").asInt(payload.path("number").asInt(0));
        if (repository.isEmpty() || number <= 0) {
            return null;
        }
        JsonNode installation = payload.path("installation").path("id");
        Long installationId = installation.canConvertToLong() && installation.asLong() > 0 ? installation.asLong() : null;
        try {
            return new PullRequestRef(repository, number, installationId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static GitHubEvent ignored(String reason) {
        return new GitHubEvent(null, null, reason, false);
    }
}
