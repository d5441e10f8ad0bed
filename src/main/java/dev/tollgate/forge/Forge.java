package dev.tollgate.forge;

import java.io.IOException;
import java.util.List;

/**
 * What the review needs from a code-hosting platform. Implementations are thin adapters; every decision
 * (what to fetch, what to post) is taken by the caller.
 */
public interface Forge {

    /** Files larger than this are not read; they are reported as skipped. */
    int MAX_FILE_BYTES = 1024 * 1024;

    PullRequestInfo pullRequest(PullRequestRef pr) throws IOException;

    /** Every changed file of the pull request, all pages. */
    List<ChangedFile> changedFiles(PullRequestRef pr) throws IOException;

    /** The file at {@code ref}, or null when no file exists at that path (a directory is not a file). */
    FileContent fileContent(PullRequestRef pr, String path, String ref) throws IOException;

    /** Paths of the files (not subdirectories) directly inside {@code directory} ("" for the root); empty when absent. */
    List<String> listFiles(PullRequestRef pr, String directory, String ref) throws IOException;

    /** Reviews, inline and conversation comments written earlier whose body contains {@code marker}. */
    List<BotComment> botComments(PullRequestRef pr, String marker) throws IOException;

    /**
     * Posts one review on {@code commitSha}. If the platform rejects inline comments (a line outside the
     * diff), they are moved into the body and the review is posted again once: a finding is never lost.
     *
     * @return how the review was posted
     */
    PostedReview postReview(PullRequestRef pr, String commitSha, ReviewDraft review) throws IOException;

    /** Sets the {@value StatusReport#NAME} status of {@code sha}. */
    void setStatus(PullRequestRef pr, String sha, StatusReport status) throws IOException;

    /**
     * Answers in the thread of the inline comment {@code commentId} (a top-level review comment). Platforms or modes
     * that cannot receive replies (the CLI) do not implement it.
     */
    default void replyToComment(PullRequestRef pr, long commentId, String body) throws IOException {
        throw new UnsupportedOperationException("replies are not supported here");
    }

    /** What an admin should do about this failure, when the platform can tell (e.g. missing permissions); else null. */
    default String adviceFor(Exception failure) {
        return null;
    }

    enum PostedReview { WITH_INLINE_COMMENTS, INLINE_COMMENTS_MOVED_TO_BODY }
}
