package dev.tollgate.jobs;

/**
 * Where webhooks leave review work. Implementations coalesce per pull request: while a job for a pull request
 * waits, a newer one replaces it (the newest head SHA wins), and one pull request is never reviewed by two
 * workers at once.
 */
public interface JobQueue extends AutoCloseable {

    /** Queues the job; returns true when it replaced an older queued job for the same pull request. */
    boolean submit(ReviewJob job);

    /** Jobs waiting (not running). */
    int pending();

    /** Stops taking jobs; running jobs finish within the grace period. */
    @Override
    void close();
}
