package dev.tollgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.forge.StatusReport;
import dev.tollgate.jobs.ReviewJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review flow against the fake GitHub, with a stand-in scanner and planner (see the harness). */
class ReviewServiceTest {

    static final String MAIN_TF = """
            provider "aws" {
              region = "eu-west-1"
            }
            """;
    static final String VARIABLES_TF = """
            variable "name" {
              default = "data"
            }
            """;
    static final String INSECURE_TF = """
            resource "aws_s3_bucket" "data" {
              bucket = var.name
              acl    = "public-read"
            }

            resource "aws_security_group" "web" {
              name = "web"
              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            """;

    StandInScanner scanner;
    ReviewHarness<String> harness;

    @BeforeEach
    void start() throws Exception {
        scanner = new StandInScanner();
        harness = new ReviewHarness<>(scanner, new StandInPlanner());
        harness.github.setBase(Map.of("infra/main.tf", MAIN_TF, "infra/variables.tf", VARIABLES_TF, "README.md", "hi\n"));
    }

    @AfterEach
    void stop() {
        assertEquals(List.of(), harness.github.violations(), "requests that break the OpenAPI subset or the fake's rules");
        harness.close();
    }

    @Test
    void insecureResourcesGetInlineCommentsOnTheirLinesAndAFailingStatusThenAFixSucceeds() {
        harness.github.pushHead(tree("infra/s3.tf", INSECURE_TF));

        ReviewOutcome first = harness.reviewHead();

        assertEquals(ReviewOutcome.Kind.REVIEWED, first.kind());
        List<JsonNode> reviews = harness.github.reviews();
        assertEquals(1, reviews.size());
        JsonNode comments = harness.github.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/reviews")).findFirst()
                .map(r -> read(r.body()).path("comments")).orElseThrow();
        assertEquals(2, comments.size());
        assertEquals("infra/s3.tf", comments.get(0).path("path").asText());
        assertEquals(3, comments.get(0).path("line").asInt(), "the acl line");
        assertEquals(12, comments.get(1).path("line").asInt(), "the cidr_blocks line");
        comments.forEach(c -> assertEquals("RIGHT", c.path("side").asText()));
        assertStatus(0, "failure", harness.github.headSha());
        // the whole module was scanned: the siblings came along, at head and at base
        assertTrue(scanner.scannedPaths.get(0).containsAll(List.of("infra/s3.tf", "infra/main.tf", "infra/variables.tf")));
        assertEquals(List.of("infra/main.tf", "infra/variables.tf"), scanner.scannedPaths.get(1).stream().sorted().toList());

        harness.github.pushHead(tree("infra/s3.tf", INSECURE_TF.replace("public-read", "private").replace("0.0.0.0/0", "10.0.0.0/8")));
        ReviewOutcome second = harness.reviewHead();

        assertEquals(StatusReport.Conclusion.SUCCESS, second.status().conclusion());
        assertStatus(1, "success", harness.github.headSha());
        assertEquals(1, harness.github.reviews().size(), "nothing new to say: no second review");
    }

    @Test
    void findingsAlreadyAtTheBaseDoNotFailAndAreNotCommented() {
        harness.github.setBase(tree("infra/s3.tf", INSECURE_TF));
        harness.github.pushHead(tree("infra/s3.tf", INSECURE_TF.replace("bucket = var.name", "bucket = \"x\"")));

        ReviewOutcome outcome = harness.reviewHead();

        assertEquals(StatusReport.Conclusion.SUCCESS, outcome.status().conclusion());
        assertEquals(0, harness.github.reviews().size());
    }

    @Test
    void pullRequestWithoutIacSucceedsWithNoIacChanges() {
        Map<String, String> head = tree("README.md", "hello\n");
        harness.github.pushHead(head);

        ReviewOutcome outcome = harness.reviewHead();

        assertEquals(ReviewOutcome.Kind.NO_IAC_CHANGES, outcome.kind());
        assertStatus(0, "success", harness.github.headSha());
        assertEquals(ReviewService.NO_IAC_CHANGES, harness.github.statuses().get(0).path("description").asText());
        assertTrue(scanner.scannedPaths.isEmpty());
    }

    @Test
    void commentsOutsideTheDiffAreMovedIntoTheBodyAndNothingIsLost() {
        harness.github.pushHead(tree("infra/s3.tf", INSECURE_TF));
        harness.github.rejectCommentsOn("infra/s3.tf");

        harness.reviewHead();

        assertEquals(1, harness.github.rejectedReviews().size());
        List<JsonNode> reviews = harness.github.reviews();
        assertEquals(1, reviews.size());
        String body = reviews.get(0).path("body").asText();
        assertTrue(body.contains("`infra/s3.tf` line 3") && body.contains("`infra/s3.tf` line 12"), body);
        assertTrue(body.contains(StandInScanner.PUBLIC_BUCKET) && body.contains(StandInScanner.OPEN_INGRESS), body);
        assertStatus(0, "failure", harness.github.headSha());
    }

    @Test
    void anErrorStillEndsInAStatusThatSaysWhatToDo() {
        harness.github.setBase(Map.of(".tollgate.yml", "block: invalid\n", "infra/main.tf", MAIN_TF));
        harness.github.pushHead(tree("infra/s3.tf", INSECURE_TF));

        ReviewOutcome outcome = harness.reviewHead();

        assertEquals(ReviewOutcome.Kind.ERROR, outcome.kind());
        assertStatus(0, "error", harness.github.headSha());
        assertTrue(outcome.status().summary().contains(".tollgate.yml"), outcome.status().summary());
    }

    @Test
    void aClosedPullRequestOrAnOutdatedHeadPostsNothing() {
        harness.github.pushHead(tree("infra/s3.tf", INSECURE_TF));
        String old = harness.github.headSha();
        harness.github.pushHead(tree("infra/s3.tf", INSECURE_TF + "\n"));

        ReviewOutcome superseded = harness.service.review(new ReviewJob(harness.ref(), old, "d1", Instant.now()));
        harness.github.close(true);
        ReviewOutcome closed = harness.reviewHead();

        assertEquals(ReviewOutcome.Kind.SUPERSEDED, superseded.kind());
        assertEquals(ReviewOutcome.Kind.CLOSED, closed.kind());
        assertNull(closed.status());
        assertEquals(0, harness.github.statuses().size());
        assertEquals(0, harness.github.reviews().size());
    }

    private Map<String, String> tree(String path, String text) {
        Map<String, String> tree = new HashMap<>(Map.of("infra/main.tf", MAIN_TF, "infra/variables.tf", VARIABLES_TF,
                "README.md", "hi\n"));
        tree.put(path, text);
        return tree;
    }

    private void assertStatus(int index, String state, String sha) {
        JsonNode status = harness.github.statuses().get(index);
        assertEquals(state, status.path("state").asText());
        assertEquals("tollgate", status.path("context").asText());
        assertEquals(sha, status.path("sha").asText());
    }

    private static JsonNode read(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
