package dev.tollgate.jobs;

import dev.tollgate.forge.PullRequestRef;
import dev.tollgate.store.Database;
import dev.tollgate.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcJobQueueTest {

    static ReviewJob job(int pr, String sha) {
        return new ReviewJob(new PullRequestRef("acme/infra", pr, 42L), sha, "d-" + sha, Instant.parse("2030-01-01T00:00:00Z"));
    }

    static JdbcJobQueue queue(Database database, int workers, Consumer<ReviewJob> handler) {
        return new JdbcJobQueue(database, workers, 10, Clock.systemUTC(), handler);
    }

    @Test
    void newestHeadWinsWhileAJobForThePullRequestWaits() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        try (JdbcJobQueue queue = queue(TestDatabases.memory(), 2, job -> {
            started.countDown();
            await(release);
            done.add(job.pullRequest().number() + ":" + job.headSha());
        })) {
            assertFalse(queue.submit(job(1, "a")));   // starts running, blocks
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertFalse(queue.submit(job(1, "b")));   // waits: PR 1 is running
            assertTrue(queue.submit(job(1, "c")));    // replaces b
            assertFalse(queue.submit(job(2, "x")));   // another PR runs on the second worker
            release.countDown();
            assertTrue(queue.awaitIdle(5, TimeUnit.SECONDS));

            assertEquals(List.of("1:a", "1:c", "2:x"), done.stream().sorted().toList());
            assertEquals(1, queue.supersededCount());
            assertEquals(3, queue.completedCount());
            assertEquals(0, queue.pending());
        }
    }

    @Test
    void theJobRunsWithEverythingTheWebhookGave() throws Exception {
        List<ReviewJob> done = new CopyOnWriteArrayList<>();
        ReviewJob withoutInstallation = new ReviewJob(new PullRequestRef("acme/other.repo", 7, null),
                "0123456789abcdef0123456789abcdef01234567", null, Instant.parse("2030-02-03T04:05:06.789Z"));
        try (JdbcJobQueue queue = queue(TestDatabases.memory(), 1, done::add)) {
            queue.submit(job(3, "s"));
            queue.submit(withoutInstallation);
            assertTrue(queue.awaitIdle(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of(job(3, "s"), withoutInstallation), done);
    }

    @Test
    void aFailingJobDoesNotStopTheWorker() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        Database database = TestDatabases.memory();
        try (JdbcJobQueue queue = queue(database, 1, job -> {
            if (job.headSha().equals("boom")) {
                throw new IllegalStateException("boom");
            }
            done.add(job.headSha());
        })) {
            queue.submit(job(1, "boom"));
            assertTrue(queue.awaitIdle(5, TimeUnit.SECONDS));
            queue.submit(job(2, "ok"));
            assertTrue(queue.awaitIdle(5, TimeUnit.SECONDS));
            assertEquals(List.of("ok"), done);
            assertEquals(1, queue.failedCount());
        }
        assertEquals(List.of("boom FAILED", "ok DONE"), rows(database, "SELECT head_sha, state FROM review_jobs ORDER BY id"));
    }

    @Test
    void aPullRequestIsNeverReviewedByTwoWorkersAtOnce() throws Exception {
        Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger runningNow = new AtomicInteger();
        Map<Integer, String> lastReviewed = new ConcurrentHashMap<>();
        try (JdbcJobQueue queue = new JdbcJobQueue(TestDatabases.memory(), 4, 100, Clock.systemUTC(), job -> {
            int pr = job.pullRequest().number();
            if (inFlight.computeIfAbsent(pr, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            mostAtOnce.accumulateAndGet(runningNow.incrementAndGet(), Math::max);
            sleep(15);
            lastReviewed.put(pr, job.headSha());
            runningNow.decrementAndGet();
            inFlight.get(pr).decrementAndGet();
        })) {
            for (int push = 0; push < 15; push++) {
                for (int pr = 1; pr <= 3; pr++) {
                    queue.submit(job(pr, "p" + pr + "-" + push));
                }
                sleep(3);
            }
            assertTrue(queue.awaitIdle(20, TimeUnit.SECONDS));
        }
        assertEquals(0, overlaps.get(), "a pull request was reviewed by two workers at once");
        assertTrue(mostAtOnce.get() > 1, "different pull requests are reviewed side by side");
        assertEquals(Map.of(1, "p1-14", 2, "p2-14", 3, "p3-14"), lastReviewed, "the newest head is always reviewed last");
    }

    @Test
    void aFullQueueRefusesNewPullRequestsButStillTakesNewerPushes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (JdbcJobQueue queue = new JdbcJobQueue(TestDatabases.memory(), 1, 2, Clock.systemUTC(), job -> {
            started.countDown();
            await(release);
        })) {
            queue.submit(job(1, "running"));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            queue.submit(job(2, "a"));
            queue.submit(job(3, "a"));
            assertThrows(JobQueue.QueueFullException.class, () -> queue.submit(job(4, "a")));
            assertTrue(queue.submit(job(3, "b")));
            assertEquals(2, queue.pending());
            release.countDown();
            assertTrue(queue.awaitIdle(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aRestartResumesTheWaitingAndTheInterruptedJobs(@TempDir Path dir) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Thread> stuck = new AtomicReference<>();
        Database first = TestDatabases.file(dir);
        JdbcJobQueue dying = new JdbcJobQueue(first, 1, 10, Clock.systemUTC(), job -> {
            stuck.set(Thread.currentThread());
            started.countDown();
            await(never); // the process "dies" during this review
        }, Duration.ofMillis(50));
        try {
            dying.submit(job(1, "interrupted"));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            dying.submit(job(2, "waiting"));
            dying.close();
            first.close();

            Database second = TestDatabases.file(dir);
            assertEquals(List.of("interrupted RUNNING", "waiting WAITING"),
                    rows(second, "SELECT head_sha, state FROM review_jobs ORDER BY id"));
            List<String> done = new CopyOnWriteArrayList<>();
            try (JdbcJobQueue restarted = queue(second, 1, job -> done.add(job.headSha()))) {
                assertTrue(restarted.awaitIdle(5, TimeUnit.SECONDS));
            }
            assertEquals(List.of("interrupted", "waiting"), done.stream().sorted().toList());
            assertEquals(List.of("interrupted DONE 2", "waiting DONE 1"),
                    rows(second, "SELECT head_sha, state, attempts FROM review_jobs ORDER BY id"));
            second.close();
        } finally {
            // In this JVM the "dead" worker lives on: let it end and close the file before @TempDir deletes it.
            never.countDown();
            stuck.get().join(5_000);
            first.close();
        }
    }

    @Test
    void anInterruptedJobWithANewerPushWaitingGivesWayAndOneThatKeepsKillingTheProcessIsGivenUp() throws Exception {
        Database database = TestDatabases.memory();
        String insert = "INSERT INTO review_jobs (pr_key, repository, pr_number, head_sha, received_at, state, attempts,"
                + " updated_at, waiting_key, running_key) VALUES ('acme/infra#%d', 'acme/infra', %d, '%s', CURRENT_TIMESTAMP,"
                + " '%s', %d, CURRENT_TIMESTAMP, %s, %s)";
        execute(database, insert.formatted(1, 1, "old", "RUNNING", 1, "NULL", "'acme/infra#1'"));
        execute(database, insert.formatted(1, 1, "new", "WAITING", 0, "'acme/infra#1'", "NULL"));
        execute(database, insert.formatted(2, 2, "poison", "RUNNING", JdbcJobQueue.MAX_ATTEMPTS, "NULL", "'acme/infra#2'"));

        List<String> done = new CopyOnWriteArrayList<>();
        List<String> givenUp = new CopyOnWriteArrayList<>();
        try (JdbcJobQueue queue = new JdbcJobQueue(database, 2, 10, java.time.Clock.systemUTC(),
                job -> done.add(job.headSha()), job -> givenUp.add(job.pullRequest() + " @" + job.headSha()))) {
            assertTrue(queue.awaitIdle(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("new"), done);
        assertEquals(List.of("acme/infra#2 @poison"), givenUp, "a given-up job is reported so its commit gets a status");
        assertEquals(List.of("old DONE", "new DONE", "poison FAILED"),
                rows(database, "SELECT head_sha, state FROM review_jobs ORDER BY id"));
    }

    @Test
    void finishedJobsAreKeptForAWhileThenPruned() throws Exception {
        Database database = TestDatabases.memory();
        TestDatabases.MutableClock clock = new TestDatabases.MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        try (JdbcJobQueue queue = new JdbcJobQueue(database, 1, 10, clock, job -> { })) {
            queue.submit(job(1, "old"));
            assertTrue(queue.awaitIdle(5, TimeUnit.SECONDS));
        }
        clock.advance(JdbcJobQueue.KEEP_FINISHED.minusHours(1));
        try (JdbcJobQueue queue = new JdbcJobQueue(database, 1, 10, clock, job -> { })) {
            queue.submit(job(2, "recent"));
            assertTrue(queue.awaitIdle(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("old", "recent"), rows(database, "SELECT head_sha FROM review_jobs ORDER BY id"));

        clock.advance(Duration.ofHours(2));
        try (JdbcJobQueue queue = new JdbcJobQueue(database, 1, 10, clock, job -> { })) {
            queue.submit(job(3, "new"));
            assertTrue(queue.awaitIdle(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("recent", "new"), rows(database, "SELECT head_sha FROM review_jobs ORDER BY id"));
    }

    @Test
    void anUnreachableStoreRefusesSubmitsWithAQueueError() {
        Database database = TestDatabases.memory();
        try (JdbcJobQueue queue = queue(database, 1, job -> { })) {
            execute(database, "DROP TABLE review_jobs");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> queue.submit(job(1, "a")));
            assertTrue(e.getMessage().startsWith("cannot queue acme/infra#1: database unavailable"), e.getMessage());
        }
    }

    static List<String> rows(Database database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    static void execute(Database database, String sql) {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
