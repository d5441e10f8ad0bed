package dev.tollgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.forge.PullRequestRef;
import dev.tollgate.jobs.ReviewJob;

import java.time.Instant;
import java.util.Set;

/** What a verified GitHub webhook asks for: a review job, a pong, or nothing (with the reason). */
public record GitHubEvent(ReviewJob job, String ignoredReason, boolean ping) {

    /** Pull-request actions that change what is to be reviewed. */
    public static final Set<String> REVIEWED_ACTIONS = Set.of("opened", "synchronize", "reopened", "ready_for_review");

    /** @throws IllegalArgumentException when a pull_request payload lacks what a review needs */
    public static GitHubEvent of(String eventName, JsonNode payload, String deliveryId, Instant now) {
        if ("ping".equals(eventName)) {
            return new GitHubEvent(null, null, true);
        }
        if (!"pull_request".equals(eventName)) {
            return ignored("event '" + eventName + "' is not handled");
        }
        String action = payload.path("action").asText("");
        if (!REVIEWED_ACTIONS.contains(action)) {
            return ignored("pull_request action '" + action + "' is not reviewed");
        }
        JsonNode pull = payload.path("pull_request");
        String repository = payload.path("repository").path("full_name").asText("");
        int number = pull.path("number").asInt(payload.path("number").asInt(0));
        String headSha = pull.path("head").path("sha").asText("");
        if (repository.isEmpty() || number <= 0 || !headSha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("pull_request payload lacks repository.full_name, the number or a head sha");
        }
        JsonNode installation = payload.path("installation").path("id");
        Long installationId = installation.canConvertToLong() && installation.asLong() > 0 ? installation.asLong() : null;
        PullRequestRef ref = new PullRequestRef(repository, number, installationId);
        return new GitHubEvent(new ReviewJob(ref, headSha, deliveryId, now), null, false);
    }

    private static GitHubEvent ignored(String reason) {
        return new GitHubEvent(null, reason, false);
    }
}
