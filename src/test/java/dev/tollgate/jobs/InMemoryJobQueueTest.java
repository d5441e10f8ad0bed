package dev.tollgate.jobs;

import dev.tollgate.forge.PullRequestRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryJobQueueTest {

    static ReviewJob job(int pr, String sha) {
        return new ReviewJob(new PullRequestRef("acme/infra", pr, null), sha, "d-" + sha, Instant.now());
    }

    @Test
    void newestHeadWinsWhileAJobForThePullRequestWaits() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        try (InMemoryJobQueue queue = new InMemoryJobQueue(2, 10, job -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.add(job.pullRequest().number() + ":" + job.headSha());
        })) {
            assertFalse(queue.submit(job(1, "a")));   // starts running, blocks
            Thread.sleep(100);
            assertFalse(queue.submit(job(1, "b")));   // waits: PR 1 is running
            assertTrue(queue.submit(job(1, "c")));    // replaces b
            assertFalse(queue.submit(job(2, "x")));   // another PR runs on the second worker
            release.countDown();
            assertTrue(queue.awaitIdle(5, TimeUnit.SECONDS));

            assertEquals(List.of("1:a", "1:c", "2:x"), done.stream().sorted().toList());
            assertEquals(1, queue.supersededCount());
            assertEquals(3, queue.completedCount());
        }
    }

    @Test
    void aFailingJobDoesNotStopTheWorker() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        try (InMemoryJobQueue queue = new InMemoryJobQueue(1, 10, job -> {
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
    }
}
