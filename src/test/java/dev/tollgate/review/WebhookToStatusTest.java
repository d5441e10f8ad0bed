package dev.tollgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.forge.github.fake.Corpus;
import dev.tollgate.forge.github.fake.FakeGitHub;
import dev.tollgate.web.GitHubBot;
import dev.tollgate.web.TollgateServer;
import dev.tollgate.web.WebhookSignature;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole bot from the environment: signed webhook in, review and status out at the fake GitHub. */
class WebhookToStatusTest {

    @Test
    void signedPullRequestWebhookEndsInAReviewAndAFailingStatus() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (FakeGitHub github = new FakeGitHub("acme/infra", 9, Corpus.openApiSubset())) {
            github.acceptToken("ghp_env_token");
            github.setBase(Map.of("infra/main.tf", ReviewServiceTest.MAIN_TF));
            String head = github.pushHead(Map.of("infra/main.tf", ReviewServiceTest.MAIN_TF, "infra/s3.tf", ReviewServiceTest.INSECURE_TF));
            Map<String, String> env = Map.of("PORT", "0", "TOLLGATE_GITHUB_API_URL", github.apiUrl(),
                    "TOLLGATE_GITHUB_WEBHOOK_SECRET", "hook-secret", "TOLLGATE_GITHUB_TOKEN", "ghp_env_token");
            try (GitHubBot bot = GitHubBot.start(env, new StandInScanner(), new StandInPlanner())) {
                ObjectNode payload = (ObjectNode) json.readTree(Files.readAllBytes(Corpus.path("webhooks/github/pull_request.opened.payload.json")));
                payload.put("number", 9);
                ((ObjectNode) payload.get("pull_request")).put("number", 9);
                ((ObjectNode) payload.get("pull_request").get("head")).put("sha", head);
                ((ObjectNode) payload.get("repository")).put("full_name", "acme/infra");
                payload.remove("installation"); // token mode
                byte[] body = json.writeValueAsBytes(payload);

                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + bot.port() + TollgateServer.GITHUB_PATH))
                        .header("X-GitHub-Event", "pull_request").header("X-GitHub-Delivery", "e2e-1")
                        .header("X-Hub-Signature-256", new WebhookSignature("hook-secret").sign(body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

                assertEquals(202, response.statusCode(), response.body());
                assertTrue(bot.queue().awaitIdle(20, TimeUnit.SECONDS));
            }
            assertEquals(List.of(), github.violations());
            assertEquals(1, github.reviews().size());
            List<JsonNode> statuses = github.statuses();
            assertEquals(1, statuses.size());
            assertEquals("failure", statuses.get(0).path("state").asText());
            assertEquals(head, statuses.get(0).path("sha").asText());
            String lastWrite = github.requests().stream().filter(r -> !r.method().equals("GET")).reduce((a, b) -> b)
                    .orElseThrow().path();
            assertTrue(lastWrite.contains("/statuses/"), "the status is the last thing posted: " + lastWrite);
        }
    }
}
