package dev.tollgate.jobs;

import dev.tollgate.forge.PullRequestRef;

import java.time.Instant;

/** Review the pull request at this head commit. {@code deliveryId} ties the work to the webhook that asked for it. */
public record ReviewJob(PullRequestRef pullRequest, String headSha, String deliveryId, Instant receivedAt) {
}
