package dev.tollgate.forge;

/** What the bot needs to know about a pull request before reviewing it. */
public record PullRequestInfo(boolean open, boolean draft, String headSha, String baseSha, String baseRef) {
}
