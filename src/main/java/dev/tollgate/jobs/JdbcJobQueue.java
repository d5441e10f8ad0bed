package dev.tollgate.jobs;

import dev.tollgate.forge.PullRequestRef;
import dev.tollgate.store.Database;
import dev.tollgate.store.Sql;
import dev.tollgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The job queue in the database (table {@code review_jobs}), so that a restart loses no review: jobs that were
 * WAITING, or RUNNING when the process died, are taken up again when the next process starts. A small pool of
 * worker threads takes the oldest waiting job whose pull request is not being reviewed.
 *
 * <p>Coalescing updates the waiting row of the pull request in place (it keeps its place in line). The unique
 * columns {@code waiting_key} and {@code running_key} make "one waiting, one running per pull request" a database
 * rule, and on PostgreSQL the claim skips rows another replica has locked. What several replicas still lack:
 * recovery here treats every RUNNING row as orphaned, which is only true with one replica; several need a lease
 * (a claimed-until column renewed by the worker) and recovery of expired leases only.
 */
public final class JdbcJobQueue implements JobQueue {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcJobQueue.class);

    /** A job that was RUNNING when the process died this many times is given up (it may be what kills it). */
    public static final int MAX_ATTEMPTS = 3;
    public static final Duration KEEP_FINISHED = Duration.ofDays(7);
    /** How often idle workers look at the table anyway (other replicas' submits, a store that came back). */
    static final long POLL_MILLIS = 2_000;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final int FINISH_TRIES = 5;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private static final String COLUMNS =
            "id, repository, pr_number, installation_id, head_sha, delivery_id, received_at";

    private final Database database;
    private final Consumer<ReviewJob> handler;
    private final Consumer<ReviewJob> onGiveUp;
    private final int capacity;
    private final Clock clock;
    private final String claimLock;
    private final Duration closeGrace;
    /** Guards {@code closed} and runs this process's queue transactions one at a time; workers wait on it. */
    private final Object lock = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private boolean closed;
    private Instant nextPrune = Instant.MIN;
    private boolean storeFailing;

    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong superseded = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private record Claimed(long id, ReviewJob job) {
    }

    /**
     * Takes up the jobs a previous process left, then starts the workers. The database must be migrated.
     *
     * @param workers  worker threads
     * @param capacity most pull requests waiting at once; a submit beyond it is refused
     * @param handler  does the work; an exception is logged and counted (job FAILED), the worker carries on
     */
    public JdbcJobQueue(Database database, int workers, int capacity, Clock clock, Consumer<ReviewJob> handler) {
        this(database, workers, capacity, clock, handler, job -> { }, CLOSE_GRACE);
    }

    /**
     * @param onGiveUp told about a job given up after {@link #MAX_ATTEMPTS} interrupted runs, so that its commit
     *                 still gets a status (an error) instead of a check left pending
     */
    public JdbcJobQueue(Database database, int workers, int capacity, Clock clock, Consumer<ReviewJob> handler,
                        Consumer<ReviewJob> onGiveUp) {
        this(database, workers, capacity, clock, handler, onGiveUp, CLOSE_GRACE);
    }

    /** With a shorter grace period, tests leave a job RUNNING as a process that dies mid-review does. */
    JdbcJobQueue(Database database, int workers, int capacity, Clock clock, Consumer<ReviewJob> handler,
                 Duration closeGrace) {
        this(database, workers, capacity, clock, handler, job -> { }, closeGrace);
    }

    JdbcJobQueue(Database database, int workers, int capacity, Clock clock, Consumer<ReviewJob> handler,
                 Consumer<ReviewJob> onGiveUp, Duration closeGrace) {
        if (workers < 1 || capacity < 1) {
            throw new IllegalArgumentException("workers and capacity must be positive");
        }
        this.database = database;
        this.handler = handler;
        this.onGiveUp = onGiveUp;
        this.capacity = capacity;
        this.clock = clock;
        this.closeGrace = closeGrace;
        this.claimLock = database.isPostgreSql() ? " FOR UPDATE SKIP LOCKED" : "";
        resumeInterruptedJobs();
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::work, "tollgate-worker-" + i);
            worker.setDaemon(true);
            this.workers.add(worker);
            worker.start();
        }
    }

    @Override
    public boolean submit(ReviewJob job) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("job queue is closed");
            }
            String older = store(job);
            submitted.incrementAndGet();
            if (older != null) {
                superseded.incrementAndGet();
                LOG.info("{}: queued head {} replaces queued head {}", job.pullRequest(), shortSha(job.headSha()), shortSha(older));
            }
            lock.notifyAll();
            return older != null;
        }
    }

    /** Inserts the job, or updates the pull request's waiting row; returns the head SHA it replaced, if any. */
    private String store(ReviewJob job) {
        String key = job.pullRequest().key();
        for (int attempt = 1; ; attempt++) {
            try {
                return Sql.inTransaction(database, connection -> {
                    String olderHead = null;
                    Long waitingId = null;
                    try (PreparedStatement select = connection.prepareStatement(
                            "SELECT id, head_sha FROM review_jobs WHERE waiting_key = ? FOR UPDATE")) {
                        select.setString(1, key);
                        try (ResultSet row = select.executeQuery()) {
                            if (row.next()) {
                                waitingId = row.getLong(1);
                                olderHead = row.getString(2);
                            }
                        }
                    }
                    if (waitingId != null) {
                        replaceWaiting(connection, waitingId, job);
                        return olderHead;
                    }
                    if (countWaiting(connection) >= capacity) {
                        throw new QueueFullException("job queue full (" + capacity + " pull requests waiting)");
                    }
                    insertWaiting(connection, job);
                    return null;
                });
            } catch (SQLException e) {
                // Another replica inserted the pull request's waiting row between our SELECT and INSERT: update it.
                if (Sql.isUniqueViolation(e) && attempt < 3) {
                    continue;
                }
                throw unavailable("cannot queue " + key, e);
            }
        }
    }

    private void replaceWaiting(Connection connection, long id, ReviewJob job) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE review_jobs SET installation_id = ?,"
                + " head_sha = ?, delivery_id = ?, received_at = ?, attempts = 0, updated_at = ? WHERE id = ?")) {
            setInstallation(update, 1, job.pullRequest().installationId());
            update.setString(2, job.headSha());
            update.setString(3, job.deliveryId());
            update.setObject(4, Sql.timestamp(job.receivedAt()));
            update.setObject(5, now());
            update.setLong(6, id);
            update.executeUpdate();
        }
    }

    private void insertWaiting(Connection connection, ReviewJob job) throws SQLException {
        PullRequestRef pr = job.pullRequest();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO review_jobs (pr_key, repository,"
                + " pr_number, installation_id, head_sha, delivery_id, received_at, state, attempts, updated_at,"
                + " waiting_key) VALUES (?, ?, ?, ?, ?, ?, ?, 'WAITING', 0, ?, ?)")) {
            insert.setString(1, pr.key());
            insert.setString(2, pr.repository());
            insert.setInt(3, pr.number());
            setInstallation(insert, 4, pr.installationId());
            insert.setString(5, job.headSha());
            insert.setString(6, job.deliveryId());
            insert.setObject(7, Sql.timestamp(job.receivedAt()));
            insert.setObject(8, now());
            insert.setString(9, pr.key());
            insert.executeUpdate();
        }
    }

    @Override
    public int pending() {
        try (Connection connection = database.connection()) {
            return countWaiting(connection);
        } catch (SQLException e) {
            throw unavailable("cannot count waiting jobs", e);
        }
    }

    @Override
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            synchronized (lock) {
                if (countUnfinished() == 0) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        }
    }

    @Override
    public long submittedCount() {
        return submitted.get();
    }

    @Override
    public long supersededCount() {
        return superseded.get();
    }

    @Override
    public long completedCount() {
        return completed.get();
    }

    @Override
    public long failedCount() {
        return failed.get();
    }

    /** Stops the workers; a job still running after the grace period stays RUNNING and is redone by the next start. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        long deadline = System.nanoTime() + closeGrace.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void work() {
        while (true) {
            Claimed claimed;
            try {
                claimed = next();
            } catch (InterruptedException e) {
                return;
            }
            if (claimed == null) {
                return;
            }
            boolean ok = false;
            try {
                handler.accept(claimed.job());
                ok = true;
                completed.incrementAndGet();
            } catch (RuntimeException | Error e) {
                failed.incrementAndGet();
                LOG.error("{}: review job failed", claimed.job().pullRequest(), e);
            } finally {
                finish(claimed, ok ? "DONE" : "FAILED");
            }
        }
    }

    /** The oldest waiting job whose pull request is not being reviewed, now RUNNING; null once closed. */
    private Claimed next() throws InterruptedException {
        synchronized (lock) {
            while (!closed) {
                pruneNowAndThen();
                Claimed claimed = tryClaim();
                if (claimed != null) {
                    return claimed;
                }
                lock.wait(POLL_MILLIS);
            }
            return null;
        }
    }

    private Claimed tryClaim() {
        try {
            Claimed claimed = Sql.inTransaction(database, this::claim);
            storeRecovered();
            return claimed;
        } catch (SQLException e) {
            if (!Sql.isUniqueViolation(e)) { // a duplicate key: another replica claimed a job of that pull request
                storeFailed("cannot take the next job", e);
            }
            return null;
        }
    }

    private Claimed claim(Connection connection) throws SQLException {
        long id;
        try (PreparedStatement select = connection.prepareStatement("SELECT j.id FROM review_jobs j"
                + " WHERE j.state = 'WAITING' AND NOT EXISTS"
                + " (SELECT 1 FROM review_jobs r WHERE r.running_key = j.pr_key)"
                + " ORDER BY j.id FETCH FIRST 1 ROWS ONLY" + claimLock);
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            id = row.getLong(1);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE review_jobs SET state = 'RUNNING',"
                + " waiting_key = NULL, running_key = pr_key, attempts = attempts + 1, updated_at = ?"
                + " WHERE id = ? AND state = 'WAITING'")) {
            update.setObject(1, now());
            update.setLong(2, id);
            if (update.executeUpdate() == 0) {
                return null;
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM review_jobs WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Claimed(id, job(row));
            }
        }
    }

    /**
     * Records the outcome, retrying for a while: until it is recorded the pull request counts as being reviewed
     * here. If the store stays away the row stays RUNNING and the next start reviews the pull request again.
     */
    private void finish(Claimed claimed, String state) {
        long backoff = 500;
        for (int attempt = 1; attempt <= FINISH_TRIES; attempt++) {
            synchronized (lock) {
                try (Connection connection = database.connection();
                     PreparedStatement update = connection.prepareStatement("UPDATE review_jobs SET state = ?,"
                             + " running_key = NULL, updated_at = ? WHERE id = ?")) {
                    update.setString(1, state);
                    update.setObject(2, now());
                    update.setLong(3, claimed.id());
                    update.executeUpdate();
                    lock.notifyAll();
                    return;
                } catch (SQLException e) {
                    storeFailed("cannot record the end of " + claimed.job().pullRequest() + "'s review", e);
                }
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff *= 2;
        }
        LOG.error("{}: the end of the review was not recorded; the next start reviews it again", claimed.job().pullRequest());
    }

    /**
     * A RUNNING row at start belongs to a process that died mid-review (one replica): it waits again, unless a
     * newer push for the pull request already waits (then that one reviews the newest head), or it has been tried
     * {@link #MAX_ATTEMPTS} times.
     */
    private void resumeInterruptedJobs() {
        List<ReviewJob> givenUpJobs = new ArrayList<>();
        try {
            int[] resumed = Sql.inTransaction(database, connection -> {
                int again = 0;
                int givenUp = 0;
                List<long[]> running = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, attempts, pr_key FROM review_jobs WHERE state = 'RUNNING' ORDER BY id FOR UPDATE");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        running.add(new long[]{rows.getLong(1), rows.getInt(2)});
                        keys.add(rows.getString(3));
                    }
                }
                for (int i = 0; i < running.size(); i++) {
                    long id = running.get(i)[0];
                    String key = keys.get(i);
                    if (running.get(i)[1] >= MAX_ATTEMPTS) {
                        givenUpJobs.add(load(connection, id));
                        setState(connection, id, "FAILED", null);
                        LOG.error("{}: review interrupted {} times (the process stopped during it); giving up on it",
                                key, MAX_ATTEMPTS);
                        givenUp++;
                    } else if (hasWaiting(connection, key)) {
                        setState(connection, id, "DONE", null);
                    } else {
                        setState(connection, id, "WAITING", key);
                        again++;
                    }
                }
                return new int[]{again, givenUp, countWaiting(connection)};
            });
            if (resumed[2] > 0) {
                LOG.info("job queue: {} reviews waiting from before the restart ({} were interrupted mid-review)",
                        resumed[2], resumed[0]);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot resume the job queue: " + StoreException.firstLine(e), e);
        }
        for (ReviewJob job : givenUpJobs) {
            try {
                onGiveUp.accept(job);
            } catch (RuntimeException e) {
                LOG.error("{}: could not report the given-up review: {}", job.pullRequest(), e.toString());
            }
        }
    }

    private static ReviewJob load(java.sql.Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM review_jobs WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return job(row);
            }
        }
    }

    private void setState(Connection connection, long id, String state, String waitingKey) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE review_jobs SET state = ?,"
                + " running_key = NULL, waiting_key = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, state);
            update.setString(2, waitingKey);
            update.setObject(3, now());
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    private static boolean hasWaiting(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM review_jobs WHERE waiting_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Finished rows are kept {@link #KEEP_FINISHED} for the record, then deleted. Called under the lock. */
    private void pruneNowAndThen() {
        Instant now = clock.instant();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(PRUNE_EVERY);
        try (Connection connection = database.connection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM review_jobs WHERE state IN ('DONE', 'FAILED') AND updated_at < ?")) {
            delete.setObject(1, Sql.timestamp(now.minus(KEEP_FINISHED)));
            int pruned = delete.executeUpdate();
            if (pruned > 0) {
                LOG.info("job queue: pruned {} finished jobs older than {} days", pruned, KEEP_FINISHED.toDays());
            }
        } catch (SQLException e) {
            storeFailed("cannot prune finished jobs", e);
        }
    }

    private int countUnfinished() {
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*) FROM review_jobs WHERE state IN ('WAITING', 'RUNNING')");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw unavailable("cannot count unfinished jobs", e);
        }
    }

    private static int countWaiting(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM review_jobs WHERE state = 'WAITING'");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static ReviewJob job(ResultSet row) throws SQLException {
        long installation = row.getLong("installation_id");
        Long installationId = row.wasNull() ? null : installation;
        PullRequestRef pr = new PullRequestRef(row.getString("repository"), row.getInt("pr_number"), installationId);
        return new ReviewJob(pr, row.getString("head_sha"), row.getString("delivery_id"),
                Sql.instant(row.getObject("received_at", OffsetDateTime.class)));
    }

    private static void setInstallation(PreparedStatement statement, int index, Long installationId) throws SQLException {
        if (installationId == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, installationId);
        }
    }

    private OffsetDateTime now() {
        return Sql.timestamp(clock.instant());
    }

    /** Logs the first failure of a streak only, so that an outage of the store is one line, not one per poll. */
    private void storeFailed(String what, SQLException e) {
        if (!storeFailing) {
            storeFailing = true;
            LOG.error("job queue: {}: {}", what, StoreException.firstLine(e));
        }
    }

    private void storeRecovered() {
        if (storeFailing) {
            storeFailing = false;
            LOG.info("job queue: the database answers again");
        }
    }

    private QueueUnavailableException unavailable(String what, SQLException e) {
        return new QueueUnavailableException(what + ": database unavailable (" + StoreException.firstLine(e) + ")", e);
    }

    private static String shortSha(String sha) {
        return sha == null || sha.length() < 8 ? String.valueOf(sha) : sha.substring(0, 8);
    }
}
