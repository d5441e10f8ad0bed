package dev.tollgate.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.jobs.ExceptionReplyJob;
import dev.tollgate.jobs.JobQueue;
import dev.tollgate.store.DeliveryLog;
import dev.tollgate.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The bot's HTTP face: {@code POST /webhooks/github}, {@code /healthz}, {@code /readyz}, {@code /metrics}.
 * Webhooks are verified, parsed, deduplicated and queued; the answer (202) never waits for the review.
 */
public final class TollgateServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TollgateServer.class);
    public static final String GITHUB_PATH = "/webhooks/github";
    public static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    static final String WEBHOOKS = "tollgate_webhooks_total";

    private final WebhookSignature githubSignature;
    private final JobQueue queue;
    private final Consumer<ExceptionReplyJob> exceptionReplies;
    private final DeliveryLog deliveries;
    private final Metrics metrics;
    private final BooleanSupplier ready;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile long lastSignatureWarning;
    private final Javalin app;
    private volatile boolean accepting;

    /**
     * @param githubWebhookSecret required: the server refuses to start without it
     * @param deliveries          delivery ids already accepted, so that a redelivery is not reviewed twice
     * @param ready               whether the dependencies (database, queue) are usable, for {@code /readyz}
     */
    public TollgateServer(String githubWebhookSecret, JobQueue queue, DeliveryLog deliveries, Metrics metrics,
                          BooleanSupplier ready, Clock clock) {
        this(githubWebhookSecret, queue, null, deliveries, metrics, ready, clock);
    }

    /**
     * @param exceptionReplies takes exception requests made by reply, to handle them after the answer (it must not
     *                         block; it throws {@link IllegalStateException} or {@link RejectedExecutionException}
     *                         when it cannot take one); null when they are not handled
     */
    public TollgateServer(String githubWebhookSecret, JobQueue queue, Consumer<ExceptionReplyJob> exceptionReplies,
                          DeliveryLog deliveries, Metrics metrics, BooleanSupplier ready, Clock clock) {
        if (githubWebhookSecret == null || githubWebhookSecret.isBlank()) {
            throw new IllegalStateException("TOLLGATE_GITHUB_WEBHOOK_SECRET is not set: refusing to accept GitHub "
                    + "webhooks without a signature secret.");
        }
        this.githubSignature = new WebhookSignature(githubWebhookSecret);
        this.queue = queue;
        this.exceptionReplies = exceptionReplies;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.ready = ready;
        this.clock = clock;
        metrics.describe(WEBHOOKS, "GitHub webhooks received, by result");
        metrics.gauge("tollgate_jobs_pending", "review jobs waiting (-1: database unreachable)", this::pendingOrUnknown);
        metrics.gauge("tollgate_jobs_superseded_total", "queued jobs replaced by a newer push", queue::supersededCount);
        metrics.gauge("tollgate_jobs_completed_total", "review jobs finished", queue::completedCount);
        metrics.gauge("tollgate_jobs_failed_total", "review jobs that threw", queue::failedCount);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
        });
        app.post(GITHUB_PATH, this::githubWebhook);
        app.get("/healthz", ctx -> health(ctx, accepting));
        app.get("/readyz", ctx -> health(ctx, accepting && ready.getAsBoolean()));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render()));
    }

    public TollgateServer start(int port) {
        app.start(port);
        accepting = true;
        LOG.info("tollgate listening on port {}", port());
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        accepting = false;
        app.stop();
    }

    private void githubWebhook(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > MAX_BODY_BYTES) {
            answer(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large", "body larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        byte[] body;
        try {
            body = ctx.bodyAsBytes();
        } catch (RuntimeException e) {
            answer(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large", "body larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        if (body.length > MAX_BODY_BYTES) {
            answer(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large", "body larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        if (!githubSignature.verify(body, ctx.header("X-Hub-Signature-256"))) {
            metrics.increment(WEBHOOKS, "result", "bad_signature");
            warnBadSignature(ctx.header("X-Hub-Signature-256") == null);
            ctx.status(HttpStatus.UNAUTHORIZED).result("");
            return;
        }
        String event = ctx.header("X-GitHub-Event");
        String delivery = ctx.header("X-GitHub-Delivery");
        if (event == null || event.isBlank()) {
            answer(ctx, HttpStatus.BAD_REQUEST, "bad_request", "missing X-GitHub-Event header");
            return;
        }
        if (delivery != null && (delivery.isBlank() || delivery.length() > DeliveryLog.MAX_ID_LENGTH)) {
            answer(ctx, HttpStatus.BAD_REQUEST, "bad_request", "X-GitHub-Delivery must have 1 to "
                    + DeliveryLog.MAX_ID_LENGTH + " characters");
            return;
        }
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (JsonProcessingException e) {
            answer(ctx, HttpStatus.BAD_REQUEST, "malformed", "body is not valid JSON");
            return;
        } catch (java.io.IOException e) {
            answer(ctx, HttpStatus.BAD_REQUEST, "malformed", "body could not be read");
            return;
        }
        if (payload == null || !payload.isObject()) {
            answer(ctx, HttpStatus.BAD_REQUEST, "malformed", "body is not a JSON object");
            return;
        }
        GitHubEvent parsed;
        try {
            parsed = GitHubEvent.of(event, payload, delivery, clock.instant());
        } catch (IllegalArgumentException e) {
            answer(ctx, HttpStatus.BAD_REQUEST, "malformed", e.getMessage());
            return;
        }
        try {
            if (delivery != null && !deliveries.record(delivery)) {
                answer(ctx, HttpStatus.OK, "duplicate", "delivery " + delivery + " was already received");
                return;
            }
        } catch (StoreException e) {
            LOG.warn("{}", e.getMessage());
            answer(ctx, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "the database is unavailable; redeliver later");
            return;
        }
        if (parsed.ping()) {
            answer(ctx, HttpStatus.OK, "pong", "webhook configured");
        } else if (parsed.exceptionReply() != null) {
            acceptExceptionReply(ctx, parsed.exceptionReply(), delivery);
        } else if (parsed.job() == null) {
            answer(ctx, HttpStatus.ACCEPTED, "ignored", parsed.ignoredReason());
        } else {
            try {
                boolean replaced = queue.submit(parsed.job());
                LOG.info("{} @{}: queued (delivery {}{})", parsed.job().pullRequest(),
                        parsed.job().headSha().substring(0, 8), delivery, replaced ? ", replaced an older push" : "");
                answer(ctx, HttpStatus.ACCEPTED, "queued", parsed.job().pullRequest() + " @" + parsed.job().headSha());
            } catch (IllegalStateException e) {
                forgetDelivery(delivery);
                answer(ctx, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
            }
        }
    }

    private void acceptExceptionReply(Context ctx, ExceptionReplyJob reply, String delivery) {
        if (exceptionReplies == null) {
            answer(ctx, HttpStatus.ACCEPTED, "ignored", "exception requests by reply are not handled by this server");
            return;
        }
        try {
            exceptionReplies.accept(reply);
            LOG.info("{}: exception request in comment {} queued (delivery {})", reply.pullRequest(), reply.commentId(),
                    delivery);
            answer(ctx, HttpStatus.ACCEPTED, "queued", reply.pullRequest() + " exception request in comment "
                    + reply.commentId());
        } catch (IllegalStateException | RejectedExecutionException e) {
            forgetDelivery(delivery);
            answer(ctx, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "exception requests cannot be taken now; redeliver later");
        }
    }

    /**
     * Forgets a delivery id, so that GitHub's "Redeliver" (which reuses the id) can retry a review that failed,
     * e.g. during a GitHub outage.
     */
    public void forgetDelivery(String delivery) {
        if (delivery == null) {
            return;
        }
        try {
            deliveries.forget(delivery);
        } catch (StoreException e) {
            LOG.warn("{} (a redelivery of it will be answered as a duplicate)", e.getMessage());
        }
    }

    private long pendingOrUnknown() {
        try {
            return queue.pending();
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    /** At most one line a minute, so that an admin with a mistyped secret sees why, and a flood stays quiet. */
    private void warnBadSignature(boolean missing) {
        long now = clock.millis();
        if (now - lastSignatureWarning > 60_000) {
            lastSignatureWarning = now;
            LOG.warn("rejected a GitHub webhook: {} X-Hub-Signature-256. If these are GitHub's deliveries, the App's"
                    + " webhook secret differs from TOLLGATE_GITHUB_WEBHOOK_SECRET.", missing ? "no" : "a wrong");
        }
    }

    private void health(Context ctx, boolean ok) {
        ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", ok ? "ok" : "unavailable"));
    }

    private void answer(Context ctx, HttpStatus status, String result, String message) {
        metrics.increment(WEBHOOKS, "result", result);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("status", result);
        answer.put("message", message);
        ctx.status(status).json(answer);
    }
}
