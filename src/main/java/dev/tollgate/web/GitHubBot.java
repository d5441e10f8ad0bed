package dev.tollgate.web;

import dev.tollgate.forge.github.GitHubClients;
import dev.tollgate.forge.github.GitHubForge;
import dev.tollgate.forge.github.GitHubSettings;
import dev.tollgate.jobs.ExceptionReplyJob;
import dev.tollgate.jobs.JdbcJobQueue;
import dev.tollgate.jobs.JobQueue;
import dev.tollgate.review.ExceptionRequests;
import dev.tollgate.review.ReviewOutcome;
import dev.tollgate.review.TollgatePlanner;
import dev.tollgate.review.ReviewService;
import dev.tollgate.review.ScanFunction;
import dev.tollgate.store.Database;
import dev.tollgate.store.DeliveryLog;
import dev.tollgate.store.ExceptionRegister;
import dev.tollgate.store.StoreException;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wires the GitHub bot from the environment (DESIGN.md): {@code PORT}, {@code TOLLGATE_GITHUB_*},
 * {@code TOLLGATE_DATABASE_URL} (with {@code TOLLGATE_DATABASE_USER} / {@code _PASSWORD}).
 */
public final class GitHubBot implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GitHubBot.class);
    public static final int DEFAULT_PORT = 8080;
    static final String REVIEWS = "tollgate_reviews_total";
    static final String EXCEPTION_REQUESTS = "tollgate_exception_requests_total";
    /** Exception requests waiting beyond this are answered 503 (GitHub's Redeliver retries them). */
    static final int MAX_WAITING_REPLIES = 100;

    private final Database database;
    private final JobQueue queue;
    private final ExecutorService replies;
    private final TollgateServer server;

    private GitHubBot(Database database, JobQueue queue, ExecutorService replies, TollgateServer server) {
        this.database = database;
        this.queue = queue;
        this.replies = replies;
        this.server = server;
    }

    /**
     * Starts the server. Throws {@link IllegalStateException} with a message for the operator when the
     * configuration is incomplete (no webhook secret, no credentials, bad key) or the database cannot be opened
     * or migrated.
     */
    public static GitHubBot start(Map<String, String> env, ScanFunction scanner, TollgatePlanner planner) {
        GitHubSettings settings = GitHubSettings.fromEnvironment(env);
        int port = port(env.get("PORT"));
        GitHubClients clients;
        try {
            clients = new GitHubClients(settings);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up GitHub access (" + settings + "): " + e.getMessage(), e);
        }
        Database database = Database.fromEnvironment(env);
        try {
            database.migrate();
        } catch (StoreException e) {
            database.close();
            throw new IllegalStateException(e.getMessage(), e);
        }
        Metrics metrics = new Metrics();
        metrics.describe(REVIEWS, "review jobs by outcome");
        metrics.describe(EXCEPTION_REQUESTS, "exception requests by reply, by outcome");
        GitHubForge forge = new GitHubForge(clients);
        ExceptionRegister register = new ExceptionRegister(database, Clock.systemUTC());
        ReviewService service = new ReviewService(forge, scanner, planner, Clock.systemUTC(), register);
        ExceptionRequests exceptionRequests = new ExceptionRequests(forge, planner, register, Clock.systemUTC());
        // replies are rare and quick (a few API calls): one thread, in memory; a lost one is simply asked again
        ExecutorService replies = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_WAITING_REPLIES));
        AtomicReference<TollgateServer> serverRef = new AtomicReference<>();
        JobQueue queue = null;
        try {
            queue = new JdbcJobQueue(database, 2, 10_000, Clock.systemUTC(), job -> {
                ReviewOutcome outcome = service.review(job);
                metrics.increment(REVIEWS, "outcome", outcome.kind().name().toLowerCase(Locale.ROOT));
                if (outcome.kind() == ReviewOutcome.Kind.ERROR && serverRef.get() != null) {
                    serverRef.get().forgetDelivery(job.deliveryId());
                }
            }, service::giveUp);
            JobQueue jobs = queue;
            TollgateServer server = new TollgateServer(settings.webhookSecret(), queue,
                    reply -> replies.execute(() -> handle(exceptionRequests, reply, jobs, metrics, serverRef.get())),
                    new DeliveryLog(database, Clock.systemUTC()), metrics, database::isReachable, Clock.systemUTC());
            serverRef.set(server);
            return new GitHubBot(database, queue, replies, server.start(port));
        } catch (RuntimeException e) {
            replies.shutdownNow();
            if (queue != null) {
                queue.close();
            }
            database.close();
            throw e instanceof StoreException ? new IllegalStateException(e.getMessage(), e) : e;
        }
    }

    private static void handle(ExceptionRequests requests, ExceptionReplyJob reply, JobQueue queue, Metrics metrics,
                               TollgateServer server) {
        String outcome;
        try {
            var rerun = requests.handle(reply);
            rerun.ifPresent(queue::submit);
            outcome = rerun.isPresent() ? "recorded" : "not_recorded";
        } catch (Exception e) {
            LOG.error("{}: exception request in comment {} failed: {}", reply.pullRequest(),
                    reply.commentId(), e.toString());
            outcome = "error";
            if (server != null) {
                server.forgetDelivery(reply.deliveryId());
            }
        }
        metrics.increment(EXCEPTION_REQUESTS, "outcome", outcome);
    }

    /** Waits until no exception request waits and no review job waits or runs; for tests. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        try {
            replies.submit(() -> { }).get(timeout, unit); // one thread, in order: every earlier request is done
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
        return queue.awaitIdle(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    public int port() {
        return server.port();
    }

    public JobQueue queue() {
        return queue;
    }

    /** Stops taking webhooks, lets running reviews finish, then closes the database. */
    @Override
    public void close() {
        server.close();
        replies.shutdown();
        try {
            replies.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.close();
        database.close();
    }

    static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("PORT must be a port number (0-65535): " + value);
        }
    }
}
