package dev.tollgate.web;

import dev.tollgate.forge.github.GitHubClients;
import dev.tollgate.forge.github.GitHubForge;
import dev.tollgate.forge.github.GitHubSettings;
import dev.tollgate.jobs.JdbcJobQueue;
import dev.tollgate.jobs.JobQueue;
import dev.tollgate.review.ReviewOutcome;
import dev.tollgate.review.TollgatePlanner;
import dev.tollgate.review.ReviewService;
import dev.tollgate.review.ScanFunction;
import dev.tollgate.store.Database;
import dev.tollgate.store.DeliveryLog;
import dev.tollgate.store.StoreException;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wires the GitHub bot from the environment (DESIGN.md): {@code PORT}, {@code TOLLGATE_GITHUB_*},
 * {@code TOLLGATE_DATABASE_URL} (with {@code TOLLGATE_DATABASE_USER} / {@code _PASSWORD}).
 */
public final class GitHubBot implements AutoCloseable {

    public static final int DEFAULT_PORT = 8080;
    static final String REVIEWS = "tollgate_reviews_total";

    private final Database database;
    private final JobQueue queue;
    private final TollgateServer server;

    private GitHubBot(Database database, JobQueue queue, TollgateServer server) {
        this.database = database;
        this.queue = queue;
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
        ReviewService service = new ReviewService(new GitHubForge(clients), scanner, planner, Clock.systemUTC());
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
            TollgateServer server = new TollgateServer(settings.webhookSecret(), queue,
                    new DeliveryLog(database, Clock.systemUTC()), metrics, database::isReachable, Clock.systemUTC());
            serverRef.set(server);
            return new GitHubBot(database, queue, server.start(port));
        } catch (RuntimeException e) {
            if (queue != null) {
                queue.close();
            }
            database.close();
            throw e instanceof StoreException ? new IllegalStateException(e.getMessage(), e) : e;
        }
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
