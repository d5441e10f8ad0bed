package dev.tollgate.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A job queue in memory with a small pool of worker threads. Jobs are lost on restart; the database-backed
 * queue replaces this one later behind {@link JobQueue}.
 */
public final class InMemoryJobQueue implements JobQueue {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryJobQueue.class);

    private final Object lock = new Object();
    /** Waiting jobs by pull-request key, oldest first; a newer job for the same key takes the old one's place. */
    private final Map<String, ReviewJob> waiting = new LinkedHashMap<>();
    private final Set<String> running = new HashSet<>();
    private final List<Thread> workers = new ArrayList<>();
    private final Consumer<ReviewJob> handler;
    private final int capacity;
    private boolean closed;

    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong superseded = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param workers  worker threads
     * @param capacity most pull requests waiting at once; a submit beyond it is refused
     * @param handler  does the work; an exception is logged and counted, the worker carries on
     */
    public InMemoryJobQueue(int workers, int capacity, Consumer<ReviewJob> handler) {
        if (workers < 1 || capacity < 1) {
            throw new IllegalArgumentException("workers and capacity must be positive");
        }
        this.handler = handler;
        this.capacity = capacity;
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::work, "tollgate-worker-" + i);
            worker.setDaemon(true);
            this.workers.add(worker);
            worker.start();
        }
    }

    @Override
    public boolean submit(ReviewJob job) {
        String key = job.pullRequest().key();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("job queue is closed");
            }
            ReviewJob older = waiting.remove(key);
            if (older == null && waiting.size() >= capacity) {
                throw new QueueFullException("job queue full (" + capacity + " pull requests waiting)");
            }
            waiting.put(key, job);
            submitted.incrementAndGet();
            if (older != null) {
                superseded.incrementAndGet();
                LOG.info("{}: queued head {} replaces queued head {}", key, shortSha(job.headSha()), shortSha(older.headSha()));
            }
            lock.notifyAll();
            return older != null;
        }
    }

    @Override
    public int pending() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    public long submittedCount() {
        return submitted.get();
    }

    public long supersededCount() {
        return superseded.get();
    }

    public long completedCount() {
        return completed.get();
    }

    public long failedCount() {
        return failed.get();
    }

    /** Waits until no job waits or runs; for tests and orderly shutdown. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (!waiting.isEmpty() || !running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void work() {
        while (true) {
            ReviewJob job;
            try {
                job = next();
            } catch (InterruptedException e) {
                return;
            }
            if (job == null) {
                return;
            }
            try {
                handler.accept(job);
                completed.incrementAndGet();
            } catch (RuntimeException | Error e) {
                failed.incrementAndGet();
                LOG.error("{}: review job failed", job.pullRequest(), e);
            } finally {
                synchronized (lock) {
                    running.remove(job.pullRequest().key());
                    lock.notifyAll();
                }
            }
        }
    }

    /** The oldest waiting job whose pull request is not being reviewed; null once closed. */
    private ReviewJob next() throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (closed) {
                    return null;
                }
                for (Iterator<Map.Entry<String, ReviewJob>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<String, ReviewJob> entry = it.next();
                    if (!running.contains(entry.getKey())) {
                        it.remove();
                        running.add(entry.getKey());
                        return entry.getValue();
                    }
                }
                lock.wait();
            }
        }
    }

    private static String shortSha(String sha) {
        return sha == null || sha.length() < 8 ? String.valueOf(sha) : sha.substring(0, 8);
    }

    /** The queue holds as many pull requests as it may; the webhook should be answered 503. */
    public static final class QueueFullException extends IllegalStateException {
        public QueueFullException(String message) {
            super(message);
        }
    }
}
