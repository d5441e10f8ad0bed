package dev.tollgate.web;

import dev.tollgate.forge.github.GitHubClients;
import dev.tollgate.forge.github.GitHubForge;
import dev.tollgate.forge.github.GitHubSettings;
import dev.tollgate.jobs.InMemoryJobQueue;
import dev.tollgate.review.ReviewOutcome;
import dev.tollgate.review.TollgatePlanner;
import dev.tollgate.review.ReviewService;
import dev.tollgate.review.ScanFunction;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;

/** Wires the GitHub bot from the environment (DESIGN.md): {@code PORT}, {@code TOLLGATE_GITHUB_*}. */
public final class GitHubBot implements AutoCloseable {

    public static final int DEFAULT_PORT = 8080;
    static final String REVIEWS = "tollgate_reviews_total";

    private final InMemoryJobQueue queue;
    private final TollgateServer server;

    private GitHubBot(InMemoryJobQueue queue, TollgateServer server) {
        this.queue = queue;
        this.server = server;
    }

    /**
     * Starts the server. Throws {@link IllegalStateException} with a message for the operator when the
     * configuration is incomplete (no webhook secret, no credentials, bad key).
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
        Metrics metrics = new Metrics();
        metrics.describe(REVIEWS, "review jobs by outcome");
        ReviewService service = new ReviewService(new GitHubForge(clients), scanner, planner, Clock.systemUTC());
        java.util.concurrent.atomic.AtomicReference<TollgateServer> serverRef = new java.util.concurrent.atomic.AtomicReference<>();
        InMemoryJobQueue queue = new InMemoryJobQueue(2, 10_000, job -> {
            ReviewOutcome outcome = service.review(job);
            metrics.increment(REVIEWS, "outcome", outcome.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (outcome.kind() == ReviewOutcome.Kind.ERROR && serverRef.get() != null) {
                serverRef.get().forgetDelivery(job.deliveryId());
            }
        });
        TollgateServer server = new TollgateServer(settings.webhookSecret(), queue, metrics, () -> true, Clock.systemUTC());
        serverRef.set(server);
        return new GitHubBot(queue, server.start(port));
    }

    public int port() {
        return server.port();
    }

    public InMemoryJobQueue queue() {
        return queue;
    }

    @Override
    public void close() {
        server.close();
        queue.close();
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
