package dev.tollgate.jobs;

import java.util.concurrent.TimeUnit;

/**
 * Where webhooks leave review work. Implementations coalesce per pull request: while a job for a pull request
 * waits, a newer one replaces it (the newest head SHA wins), and one pull request is never reviewed by two
 * workers at once.
 */
public interface JobQueue extends AutoCloseable {

    /**
     * Queues the job; returns true when it replaced an older queued job for the same pull request. Throws
     * {@link IllegalStateException} when the queue cannot take it (closed, full, store unavailable).
     */
    boolean submit(ReviewJob job);

    /** Jobs waiting (not running). */
    int pending();

    /** Waits until no job waits or runs; for tests and orderly shutdown. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException;

    /** Counts since this process started, for {@code /metrics}. */
    long submittedCount();

    long supersededCount();

    long completedCount();

    long failedCount();

    /** Stops taking jobs; running jobs finish within the grace period. */
    @Override
    void close();

    /** The queue holds as many pull requests as it may; the webhook should be answered 503. */
    final class QueueFullException extends IllegalStateException {
        public QueueFullException(String message) {
            super(message);
        }
    }

    /** The store behind the queue failed; the webhook should be answered 503 (GitHub's Redeliver retries). */
    final class QueueUnavailableException extends IllegalStateException {
        public QueueUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
