package dev.tollgate.forge;

import java.util.Objects;

/**
 * Which pull request, on which repository. {@code installationId} is the GitHub App installation that
 * delivered the webhook (null when the bot runs with a plain token, or on platforms without installations).
 */
public record PullRequestRef(String repository, int number, Long installationId) {
    public PullRequestRef {
        Objects.requireNonNull(repository, "repository");
        if (!repository.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+")) {
            throw new IllegalArgumentException("not an owner/name repository: " + repository);
        }
        if (number <= 0) {
            throw new IllegalArgumentException("pull request number must be positive: " + number);
        }
    }

    /** Coalescing key: one review at a time per pull request. */
    public String key() {
        return repository + "#" + number;
    }

    @Override
    public String toString() {
        return key();
    }
}
