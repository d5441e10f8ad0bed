package dev.tollgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.forge.github.fake.AppKeys;
import dev.tollgate.forge.github.fake.Corpus;
import dev.tollgate.forge.github.fake.FakeGitHub;
import dev.tollgate.review.ReviewFixtures;
import dev.tollgate.review.ScanFunction;
import dev.tollgate.review.Scanner;
import dev.tollgate.review.TollgatePlanner;
import dev.tollgate.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.tollgate.review.ReviewFixtures.at;
import static dev.tollgate.review.ReviewFixtures.lineOf;
import static dev.tollgate.review.ReviewFixtures.placements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot as {@code serve} runs it (environment, real scanner, rules and planner) against the fake GitHub:
 * signed octokit webhooks in, one review and the {@code tollgate} status out. The pull request adds TerraGoat's
 * S3 buckets and security groups, read from the shared corpus at run time (never copied into the repository).
 */
class TerraGoatWebhookEndToEndTest {

    enum Mode { APP, TOKEN }

    static final String REPO = "acme/infra";
    static final int PR = 21;
    static final String SECRET = "e2e-hook-secret";
    static final String TOKEN = "ghp_e2e_token";
    static final String APP_ID = "777";
    static final long INSTALLATION = 4711;
    static final String S3 = "infra/s3.tf";
    static final String EC2 = "infra/ec2.tf";
    static final String SECURE_EC2 = """
            resource "aws_security_group" "web-node" {
              name        = "web-node"
              description = "web servers"
              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["10.20.0.0/16"]
              }
              egress {
                from_port   = 443
                to_port     = 443
                protocol    = "tcp"
                cidr_blocks = ["10.20.0.0/16"]
              }
            }
            """;

    static final ObjectMapper json = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(Mode.class)
    void terraGoatBucketsAndSecurityGroupsGetOneReviewOnTheRightLinesAndAFailureThenTheFixSucceeds(Mode mode)
            throws Exception {
        String s3 = Files.readString(Corpus.path("iac/terragoat/terraform/aws/s3.tf"));
        String ec2 = Files.readString(Corpus.path("iac/terragoat/terraform/aws/ec2.tf"));
        try (FakeGitHub github = new FakeGitHub(REPO, PR, Corpus.openApiSubset());
             GitHubBot bot = start(github, mode)) {
            Map<String, String> base = Map.of("infra/main.tf", ReviewFixtures.MAIN_TF, "README.md", "infra\n");
            github.setBase(base);
            String head = github.pushHead(with(base, S3, s3, EC2, ec2));

            assertEquals(202, webhook(bot, "pull_request", "opened-1", payload("pull_request.opened.payload.json", head, mode), SECRET).statusCode());
            assertTrue(bot.queue().awaitIdle(60, TimeUnit.SECONDS));

            // exactly one review, event COMMENT, all comments on the new side and inside the diff
            assertEquals(1, github.reviews().size());
            assertEquals(0, github.rejectedReviews().size(), "no comment outside the diff: GitHub would answer 422");
            JsonNode review = github.reviewRequests().get(0);
            assertEquals("COMMENT", review.path("event").asText());
            assertEquals(head, review.path("commit_id").asText());
            for (JsonNode c : review.path("comments")) {
                assertEquals("RIGHT", c.path("side").asText(), c.toString());
                assertTrue(github.commentableLines(c.path("path").asText()).contains(c.path("line").asInt()), c.toString());
            }
            // the lines, found in the corpus text: the bucket "data" block, and the cidr_blocks of the SSH ingress
            int dataBucket = lineOf(s3, "resource \"aws_s3_bucket\" \"data\"");
            int webNode = lineOf(ec2, "resource \"aws_security_group\" \"web-node\"");
            int httpIngress = lineOf(ec2, "cidr_blocks", lineOf(ec2, "from_port = 80", webNode));
            int sshIngress = lineOf(ec2, "cidr_blocks", lineOf(ec2, "from_port = 22", webNode));
            int egress = lineOf(ec2, "cidr_blocks", lineOf(ec2, "egress {", webNode));
            // cidr_blocks = [ ends its line in TerraGoat; the open range is on the next one (index sshIngress)
            assertTrue(ec2.split("\n")[sshIngress].contains("0.0.0.0/0"), "premise: the SSH ingress is open to the world");
            List<String> placed = placements(review);
            List<String> expected = List.of(at(S3, dataBucket, "TG-AWS-S3-002"), at(S3, dataBucket, "TG-AWS-S3-003"),
                    at(S3, dataBucket, "TG-AWS-S3-005"), at(EC2, sshIngress, "TG-AWS-EC2-001"),
                    at(EC2, egress, "TG-AWS-EC2-004"));
            assertTrue(placed.containsAll(expected), "expected " + expected + " in " + placed);
            assertFalse(placed.stream().anyMatch(p -> p.startsWith(EC2 + ":" + httpIngress + ":TG-AWS-EC2-00")),
                    "port 80 is not SSH, RDP or all ports: " + placed);
            assertEquals(placed.size(), placed.stream().distinct().count(), "one comment per finding and line");

            // the status comes last and fails
            assertEquals(List.of("failure"), conclusions(github, mode));
            assertTrue(lastWrite(github).contains(mode == Mode.APP ? "/check-runs" : "/statuses/" + head), lastWrite(github));
            if (mode == Mode.APP) {
                JsonNode run = github.checkRuns().get(0);
                assertEquals(head, run.path("head_sha").asText());
                assertTrue(hasAnnotation(run, EC2, sshIngress, "TG-AWS-EC2-001"), run.toString());
                assertTrue(hasAnnotation(run, S3, dataBucket, "TG-AWS-S3-005"), run.toString());
                assertEquals(placed.size(), run.path("output").path("annotations").size(),
                        "every new finding is both commented and annotated");
            } else {
                assertEquals(head, github.statuses().get(0).path("sha").asText());
            }

            // synchronize: the same files, fixed
            String fixed = github.pushHead(with(base, S3, ReviewFixtures.secureBucket("data"), EC2, SECURE_EC2));
            assertEquals(202, webhook(bot, "pull_request", "sync-1", payload("pull_request.synchronize.payload.json", fixed, mode), SECRET).statusCode());
            assertTrue(bot.queue().awaitIdle(60, TimeUnit.SECONDS));

            assertEquals(List.of("failure", "success"), conclusions(github, mode));
            assertTrue(lastWrite(github).contains(mode == Mode.APP ? "/check-runs" : "/statuses/" + fixed), lastWrite(github));
            List<JsonNode> requests = github.reviewRequests();
            requests.subList(1, requests.size()).forEach(r -> assertEquals(0, r.path("comments").size(), r.toString()));
            List<String> bodies = github.reviews().stream().map(r -> r.path("body").asText()).toList();
            assertEquals(bodies.size(), bodies.stream().distinct().count(), "no review body posted twice: " + bodies);
            assertEquals(List.of(), github.violations(), "requests that break the OpenAPI subset or the fake's rules");
        }
    }

    @Test
    void aPullRequestWithoutIacSucceedsWithNoIacChanges() throws Exception {
        try (FakeGitHub github = new FakeGitHub(REPO, PR, Corpus.openApiSubset());
             GitHubBot bot = start(github, Mode.TOKEN)) {
            github.setBase(Map.of("infra/main.tf", ReviewFixtures.MAIN_TF, "README.md", "infra\n"));
            String head = github.pushHead(Map.of("infra/main.tf", ReviewFixtures.MAIN_TF, "README.md", "infra, documented\n"));

            assertEquals(202, webhook(bot, "pull_request", "readme-1", payload("pull_request.opened.payload.json", head, Mode.TOKEN), SECRET).statusCode());
            assertTrue(bot.queue().awaitIdle(30, TimeUnit.SECONDS));

            assertEquals(1, github.statuses().size());
            JsonNode status = github.statuses().get(0);
            assertEquals("success", status.path("state").asText());
            assertEquals("no IaC changes", status.path("description").asText());
            assertEquals("tollgate", status.path("context").asText());
            assertEquals(head, status.path("sha").asText());
            assertEquals(0, github.reviews().size());
            assertEquals(List.of(), github.violations());
        }
    }

    /** Each bad delivery gets its own clear answer and changes nothing; the next good one is still reviewed. */
    @Test
    void badDeliveriesAreAnsweredClearlyAndTheBotKeepsReviewing() throws Exception {
        try (FakeGitHub github = new FakeGitHub(REPO, PR, Corpus.openApiSubset());
             GitHubBot bot = start(github, Mode.TOKEN)) {
            github.setBase(Map.of("infra/main.tf", ReviewFixtures.MAIN_TF));
            String head = github.pushHead(Map.of("infra/main.tf", ReviewFixtures.MAIN_TF, S3, ReviewFixtures.INSECURE_TF));
            byte[] good = payload("pull_request.opened.payload.json", head, Mode.TOKEN);

            HttpResponse<String> unsigned = webhook(bot, "pull_request", "bad-1", good, null);
            HttpResponse<String> wrongKey = webhook(bot, "pull_request", "bad-2", good, "not-the-secret");
            HttpResponse<String> malformed = webhook(bot, "pull_request", "bad-3",
                    "{\"action\":\"opened\",\"pull_request\":".getBytes(StandardCharsets.UTF_8), SECRET);
            HttpResponse<String> unknown = webhook(bot, "made_up_event", "bad-4", good, SECRET);

            assertEquals(401, unsigned.statusCode());
            assertEquals(401, wrongKey.statusCode());
            assertEquals(400, malformed.statusCode());
            assertEquals("malformed", json.readTree(malformed.body()).path("status").asText());
            assertEquals(202, unknown.statusCode());
            assertEquals("ignored", json.readTree(unknown.body()).path("status").asText());
            assertTrue(json.readTree(unknown.body()).path("message").asText().contains("made_up_event"));
            assertTrue(bot.queue().awaitIdle(10, TimeUnit.SECONDS));
            assertEquals(List.of(), github.requests().stream().filter(r -> r.path().startsWith("/repos/")).toList(),
                    "nothing about the repository was read or written for bad deliveries");

            assertEquals(202, webhook(bot, "pull_request", "good-1", good, SECRET).statusCode());
            assertTrue(bot.queue().awaitIdle(30, TimeUnit.SECONDS));

            assertEquals(1, github.reviews().size());
            assertEquals(List.of("failure"), conclusions(github, Mode.TOKEN));
            assertEquals(List.of(), github.violations());
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    static GitHubBot start(FakeGitHub github, Mode mode) {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "TOLLGATE_GITHUB_API_URL", github.apiUrl(),
                "TOLLGATE_GITHUB_WEBHOOK_SECRET", SECRET, "TOLLGATE_DATABASE_URL", TestDatabases.memoryUrl()));
        if (mode == Mode.APP) {
            KeyPair keys = AppKeys.generate();
            github.actAsApp(APP_ID, keys.getPublic(), INSTALLATION, 3600);
            env.put("TOLLGATE_GITHUB_APP_ID", APP_ID);
            env.put("TOLLGATE_GITHUB_PRIVATE_KEY", AppKeys.pkcs1Pem((RSAPrivateCrtKey) keys.getPrivate()));
        } else {
            github.acceptToken(TOKEN);
            env.put("TOLLGATE_GITHUB_TOKEN", TOKEN);
        }
        // production wiring, as ServeCommand does it
        return GitHubBot.start(env, ScanFunction.of(Scanner.create(null)), new TollgatePlanner(Clock.systemUTC()));
    }

    /** An octokit example payload with only the repository, the pull request number and head SHA (and installation) rewritten. */
    static byte[] payload(String file, String headSha, Mode mode) throws Exception {
        ObjectNode payload = (ObjectNode) json.readTree(Files.readAllBytes(Corpus.path("webhooks/github/" + file)));
        payload.put("number", PR);
        ObjectNode pull = (ObjectNode) payload.get("pull_request");
        pull.put("number", PR);
        ((ObjectNode) pull.get("head")).put("sha", headSha);
        ((ObjectNode) payload.get("repository")).put("full_name", REPO);
        if (mode == Mode.APP) {
            ((ObjectNode) payload.get("installation")).put("id", INSTALLATION);
        } else {
            payload.remove("installation");
        }
        return json.writeValueAsBytes(payload);
    }

    static HttpResponse<String> webhook(GitHubBot bot, String event, String delivery, byte[] body, String secret)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + bot.port() + TollgateServer.GITHUB_PATH))
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", delivery)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header("X-Hub-Signature-256", new WebhookSignature(secret).sign(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> with(Map<String, String> base, String path1, String text1, String path2, String text2) {
        Map<String, String> tree = new HashMap<>(base);
        tree.put(path1, text1);
        tree.put(path2, text2);
        return tree;
    }

    /** The verdicts posted, in order: check-run conclusions (App) or commit status states (token). */
    static List<String> conclusions(FakeGitHub github, Mode mode) {
        List<String> out = new ArrayList<>();
        if (mode == Mode.APP) {
            github.checkRuns().forEach(run -> {
                assertEquals("tollgate", run.path("name").asText());
                out.add(run.path("conclusion").asText());
            });
            assertEquals(0, github.statuses().size(), "an App reports through check runs");
        } else {
            github.statuses().forEach(status -> {
                assertEquals("tollgate", status.path("context").asText());
                out.add(status.path("state").asText());
            });
        }
        return out;
    }

    private static String lastWrite(FakeGitHub github) {
        return github.requests().stream()
                .filter(r -> !r.method().equals("GET") && !r.path().startsWith("/app/"))
                .reduce((a, b) -> b).orElseThrow().path();
    }

    private static boolean hasAnnotation(JsonNode run, String path, int line, String rule) {
        for (JsonNode a : run.path("output").path("annotations")) {
            if (a.path("path").asText().equals(path) && a.path("start_line").asInt() == line
                    && a.path("annotation_level").asText().equals("failure") && a.path("title").asText().contains(rule)) {
                return true;
            }
        }
        return false;
    }
}
