package dev.tollgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.forge.github.fake.Corpus;
import dev.tollgate.jobs.JdbcJobQueue;
import dev.tollgate.jobs.JobQueue;
import dev.tollgate.jobs.ReviewJob;
import dev.tollgate.store.Database;
import dev.tollgate.store.DeliveryLog;
import dev.tollgate.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook endpoint with the octokit payload examples, signed with a test secret. */
class TollgateServerTest {

    static final String SECRET = "test-webhook-secret";
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    final List<ReviewJob> handled = new CopyOnWriteArrayList<>();
    Database database;
    JobQueue queue;
    TollgateServer server;

    @BeforeEach
    void start() {
        start(TestDatabases.memory());
    }

    private void start(Database db) {
        database = db;
        queue = new JdbcJobQueue(database, 1, 100, Clock.systemUTC(), handled::add);
        server = new TollgateServer(SECRET, queue, new DeliveryLog(database, Clock.systemUTC()), new Metrics(),
                database::isReachable, Clock.systemUTC()).start(0);
    }

    @AfterEach
    void stop() {
        server.close();
        queue.close();
        database.close();
    }

    @Test
    void refusesToStartWithoutSecret() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new TollgateServer(" ", queue, new DeliveryLog(database, Clock.systemUTC()), new Metrics(),
                        () -> true, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("TOLLGATE_GITHUB_WEBHOOK_SECRET"));
        IllegalStateException env = assertThrows(IllegalStateException.class,
                () -> dev.tollgate.forge.github.GitHubSettings.fromEnvironment(Map.of("TOLLGATE_GITHUB_TOKEN", "t")));
        assertTrue(env.getMessage().contains("TOLLGATE_GITHUB_WEBHOOK_SECRET"));
    }

    @Test
    void pullRequestOpenedIsQueuedWithRepositoryNumberHeadAndInstallation() throws Exception {
        ObjectNode payload = payload("pull_request.opened.payload.json");
        String sha = "0123456789abcdef0123456789abcdef01234567";
        payload.put("number", 12);
        ((ObjectNode) payload.get("pull_request")).put("number", 12);
        ((ObjectNode) payload.get("pull_request").get("head")).put("sha", sha);
        ((ObjectNode) payload.get("repository")).put("full_name", "acme/infra");

        HttpResponse<String> response = post("pull_request", UUID.randomUUID().toString(), bytes(payload), true);

        assertEquals(202, response.statusCode(), response.body());
        assertEquals("queued", json.readTree(response.body()).path("status").asText());
        assertTrue(queue.awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(1, handled.size());
        ReviewJob job = handled.get(0);
        assertEquals("acme/infra", job.pullRequest().repository());
        assertEquals(12, job.pullRequest().number());
        assertEquals(sha, job.headSha());
        assertEquals(payload.path("installation").path("id").asLong(), job.pullRequest().installationId());
    }

    @Test
    void missingOrWrongSignatureIs401WithNothingElse() throws Exception {
        byte[] body = Files.readAllBytes(Corpus.path("webhooks/github/pull_request.opened.payload.json"));
        HttpResponse<String> missing = post("pull_request", "d-1", body, false);
        HttpResponse<String> wrong = send(request("pull_request", "d-2", body)
                .header("X-Hub-Signature-256", new WebhookSignature("other-secret").sign(body)).build());
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"opened\"", "\"closed\"").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> replayed = send(request("pull_request", "d-3", tampered)
                .header("X-Hub-Signature-256", new WebhookSignature(SECRET).sign(body)).build());

        for (HttpResponse<String> response : List.of(missing, wrong, replayed)) {
            assertEquals(401, response.statusCode());
            assertEquals("", response.body());
        }
        assertTrue(handled.isEmpty());
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> response = post("pull_request", "d-4", "{\"action\": \"opened\",".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(400, response.statusCode());
        assertEquals("malformed", json.readTree(response.body()).path("status").asText());
    }

    @Test
    void unknownEventAndUnreviewedActionsAre202Ignored() throws Exception {
        HttpResponse<String> comment = post("issue_comment", "d-5",
                Files.readAllBytes(Corpus.path("webhooks/github/issue_comment.created.payload.json")), true);
        HttpResponse<String> closed = post("pull_request", "d-6",
                Files.readAllBytes(Corpus.path("webhooks/github/pull_request.closed.payload.json")), true);

        for (HttpResponse<String> response : List.of(comment, closed)) {
            assertEquals(202, response.statusCode());
            assertEquals("ignored", json.readTree(response.body()).path("status").asText());
        }
        assertTrue(json.readTree(comment.body()).path("message").asText().contains("issue_comment"));
        assertEquals(0, queue.submittedCount());
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        byte[] body = new byte[TollgateServer.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        HttpResponse<String> response = post("pull_request", "d-7", body, true);
        assertEquals(413, response.statusCode());
    }

    @Test
    void duplicateDeliveryIsIgnored() throws Exception {
        byte[] body = Files.readAllBytes(Corpus.path("webhooks/github/pull_request.synchronize.payload.json"));
        HttpResponse<String> first = post("pull_request", "same-delivery", body, true);
        HttpResponse<String> second = post("pull_request", "same-delivery", body, true);

        assertEquals(202, first.statusCode());
        assertEquals(200, second.statusCode());
        assertEquals("duplicate", json.readTree(second.body()).path("status").asText());
        assertEquals(1, queue.submittedCount());
    }

    @Test
    void aForgottenDeliveryCanBeRedelivered() throws Exception {
        byte[] body = Files.readAllBytes(Corpus.path("webhooks/github/pull_request.synchronize.payload.json"));
        assertEquals(202, post("pull_request", "failed-once", body, true).statusCode());
        server.forgetDelivery("failed-once"); // what the bot does when that review ended in an error
        assertEquals(202, post("pull_request", "failed-once", body, true).statusCode(), "GitHub's Redeliver retries");
        assertEquals(2, queue.submittedCount());
    }

    @Test
    void aDuplicateIsRecognisedAfterARestartAndAForgottenOneIsNot(@TempDir Path dir) throws Exception {
        stop();
        start(TestDatabases.file(dir));
        byte[] body = Files.readAllBytes(Corpus.path("webhooks/github/pull_request.synchronize.payload.json"));
        assertEquals(202, post("pull_request", "before-restart", body, true).statusCode());
        assertEquals(202, post("pull_request", "failed-before-restart", body, true).statusCode());
        server.forgetDelivery("failed-before-restart");
        assertTrue(queue.awaitIdle(5, TimeUnit.SECONDS));
        stop();

        start(TestDatabases.file(dir));
        HttpResponse<String> again = post("pull_request", "before-restart", body, true);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("duplicate", json.readTree(again.body()).path("status").asText());
        assertEquals(202, post("pull_request", "failed-before-restart", body, true).statusCode());
        assertEquals(1, queue.submittedCount());
    }

    @Test
    void withTheDatabaseGoneReadyzIs503AndWebhooksAre503(@TempDir Path dir) throws Exception {
        stop();
        start(TestDatabases.file(dir.resolve("db")));
        assertEquals(200, get("/readyz").statusCode());
        database.close();
        try (var files = Files.walk(dir.resolve("db"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        Files.writeString(dir.resolve("db"), "a file where the database directory was"); // H2 cannot recreate it

        assertEquals(200, get("/healthz").statusCode());
        HttpResponse<String> ready = get("/readyz");
        assertEquals(503, ready.statusCode());
        assertEquals("unavailable", json.readTree(ready.body()).path("status").asText());

        byte[] body = Files.readAllBytes(Corpus.path("webhooks/github/pull_request.synchronize.payload.json"));
        HttpResponse<String> webhook = post("pull_request", "while-down", body, true);
        assertEquals(503, webhook.statusCode(), webhook.body());
        assertTrue(get("/metrics").body().contains("tollgate_jobs_pending -1"));
    }

    @Test
    void anOverlongDeliveryIdIs400() throws Exception {
        byte[] body = Files.readAllBytes(Corpus.path("webhooks/github/pull_request.synchronize.payload.json"));
        HttpResponse<String> response = post("pull_request", "d".repeat(DeliveryLog.MAX_ID_LENGTH + 1), body, true);
        assertEquals(400, response.statusCode());
        assertEquals(0, queue.submittedCount());
    }

    @Test
    void pingAnswers200AndHealthAndMetricsAreServed() throws Exception {
        for (String file : List.of("ping.payload.json", "ping.with-app_id.payload.json")) {
            HttpResponse<String> response = post("ping", UUID.randomUUID().toString(),
                    Files.readAllBytes(Corpus.path("webhooks/github/" + file)), true);
            assertEquals(200, response.statusCode(), file);
        }
        assertEquals(200, get("/healthz").statusCode());
        assertEquals(200, get("/readyz").statusCode());
        String metrics = get("/metrics").body();
        assertTrue(metrics.contains("tollgate_webhooks_total{result=\"pong\"} 2"), metrics);
        assertTrue(metrics.contains("tollgate_jobs_pending 0"), metrics);
    }

    private ObjectNode payload(String file) throws Exception {
        return (ObjectNode) json.readTree(Files.readAllBytes(Corpus.path("webhooks/github/" + file)));
    }

    private byte[] bytes(JsonNode node) throws Exception {
        return json.writeValueAsBytes(node);
    }

    private HttpRequest.Builder request(String event, String delivery, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + TollgateServer.GITHUB_PATH))
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpResponse<String> post(String event, String delivery, byte[] body, boolean signed) throws Exception {
        HttpRequest.Builder builder = request(event, delivery, body);
        if (signed) {
            builder.header("X-Hub-Signature-256", new WebhookSignature(SECRET).sign(body));
        }
        return send(builder.build());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
