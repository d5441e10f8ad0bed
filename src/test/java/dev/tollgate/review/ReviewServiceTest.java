package dev.tollgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.forge.StatusReport;
import dev.tollgate.forge.github.fake.FakeGitHub;
import dev.tollgate.plan.Marker;
import dev.tollgate.jobs.ReviewJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.tollgate.review.ReviewFixtures.INSECURE_TF;
import static dev.tollgate.review.ReviewFixtures.MAIN_TF;
import static dev.tollgate.review.ReviewFixtures.SECURE_TF;
import static dev.tollgate.review.ReviewFixtures.VARIABLES_TF;
import static dev.tollgate.review.ReviewFixtures.at;
import static dev.tollgate.review.ReviewFixtures.lineOf;
import static dev.tollgate.review.ReviewFixtures.placements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review flow against the fake GitHub with the production scanner, rules and planner (see the harness). */
class ReviewServiceTest {

    static final String S3 = "infra/s3.tf";
    ReviewHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new ReviewHarness();
        harness.github.setBase(Map.of("infra/main.tf", MAIN_TF, "infra/variables.tf", VARIABLES_TF, "README.md", "hi\n"));
    }

    @AfterEach
    void stop() {
        assertEquals(List.of(), harness.github.violations(), "requests that break the OpenAPI subset or the fake's rules");
        harness.close();
    }

    /** The findings INSECURE_TF must get, on the lines the rules point at (read from the fixture, not typed in). */
    static List<String> expectedInsecurePlacements(String path) {
        int bucket = lineOf(INSECURE_TF, "resource \"aws_s3_bucket\" \"data\"");
        int acl = lineOf(INSECURE_TF, "acl    = \"public-read\"");
        int openCidr = lineOf(INSECURE_TF, "cidr_blocks = [\"0.0.0.0/0\"]", lineOf(INSECURE_TF, "from_port   = 22"));
        return List.of(at(path, bucket, "TG-AWS-S3-002"), at(path, bucket, "TG-AWS-S3-003"),
                at(path, bucket, "TG-AWS-S3-005"), at(path, acl, "TG-AWS-S3-004"), at(path, openCidr, "TG-AWS-EC2-001"));
    }

    @Test
    void insecureResourcesGetInlineCommentsOnTheirLinesAndAFailingStatusThenAFixSucceeds() {
        harness.github.pushHead(tree(S3, INSECURE_TF));

        ReviewOutcome first = harness.reviewHead();

        assertEquals(ReviewOutcome.Kind.REVIEWED, first.kind());
        assertEquals(1, harness.github.reviews().size());
        JsonNode review = harness.github.reviewRequests().get(0);
        assertEquals("COMMENT", review.path("event").asText());
        assertEquals(sorted(expectedInsecurePlacements(S3)), sorted(placements(review)));
        assertEquals(0, ReviewFixtures.duplicatePlaces(review), "one comment per line, grouping its findings");
        for (JsonNode c : review.path("comments")) {
            assertEquals("RIGHT", c.path("side").asText());
            assertTrue(harness.github.commentableLines(S3).contains(c.path("line").asInt()), c.toString());
        }
        assertEquals(0, harness.github.rejectedReviews().size(), "every planned line is in the diff: no 422");
        assertStatus(0, "failure", harness.github.headSha());
        // the whole module was scanned: the siblings came along, at head and at base
        assertEquals(List.of("infra/main.tf", S3, "infra/variables.tf"), sorted(harness.scannedPaths.get(0)));
        assertEquals(List.of("infra/main.tf", "infra/variables.tf"), sorted(harness.scannedPaths.get(1)));

        List<JsonNode> threads = harness.github.reviewComments();
        assertEquals(review.path("comments").size(), threads.size(), "the first review's inline comments");
        harness.github.pushHead(tree(S3, SECURE_TF));
        int requestsBeforeFix = harness.github.requests().size();
        ReviewOutcome second = harness.reviewHead();

        assertEquals(StatusReport.Conclusion.SUCCESS, second.status().conclusion());
        assertStatus(1, "success", harness.github.headSha());
        assertFalse(second.status().summary().contains("could not be read"), second.status().summary());
        assertNoInlineCommentsAfterTheFirstReview();
        assertEachThreadResolvedOnceIn(threads, harness.github.headSha());
        assertStatusIsTheLastWriteSince(requestsBeforeFix, threads.size());
        int reviewsAfterFix = harness.github.reviews().size();

        harness.github.pushHead(tree(S3, SECURE_TF + "\n# unrelated edit\n"));
        harness.reviewHead();

        assertStatus(2, "success", harness.github.headSha());
        assertEquals(reviewsAfterFix, harness.github.reviews().size(), "nothing new to say: no further review");
        assertEquals(threads.size(), harness.github.replies().size(), "a resolved thread is answered once");
        assertNoRepeatedReviewBody();
    }

    /** One reply per thread of the first review, naming the fixing commit and every finding of its comment. */
    private void assertEachThreadResolvedOnceIn(List<JsonNode> threads, String fixSha) {
        List<JsonNode> replies = harness.github.replies();
        assertEquals(threads.size(), replies.size(), "one reply per earlier inline comment: " + replies);
        for (JsonNode thread : threads) {
            List<JsonNode> answers = replies.stream()
                    .filter(r -> r.path("in_reply_to_id").asLong() == thread.path("id").asLong()).toList();
            assertEquals(1, answers.size(), "thread " + thread.path("id") + ": " + answers);
            String body = answers.get(0).path("body").asText();
            assertTrue(body.contains("Resolved in `" + fixSha.substring(0, 7) + "`"), body);
            assertEquals(Set.copyOf(Marker.findAll(thread.path("body").asText())), Marker.findResolved(body),
                    "the reply names each finding of its thread");
        }
    }

    private void assertStatusIsTheLastWriteSince(int from, int expectedReplies) {
        List<FakeGitHub.Request> writes = harness.github.requests().subList(from, harness.github.requests().size())
                .stream().filter(r -> !r.method().equals("GET")).toList();
        assertFalse(writes.isEmpty());
        assertTrue(writes.get(writes.size() - 1).path().contains("/statuses/"), "status last: " + writes);
        assertEquals(expectedReplies, writes.stream().filter(r -> r.path().endsWith("/replies")).count(), writes.toString());
    }

    @Test
    void findingsAlreadyAtTheBaseDoNotFailAndAreNotCommented() {
        harness.github.setBase(tree(S3, INSECURE_TF));
        harness.github.pushHead(tree(S3, INSECURE_TF.replace("name = \"web\"", "name = \"web-sg\"")));

        ReviewOutcome outcome = harness.reviewHead();

        assertEquals(StatusReport.Conclusion.SUCCESS, outcome.status().conclusion());
        assertStatus(0, "success", harness.github.headSha());
        harness.github.reviewRequests().forEach(r -> assertEquals(0, r.path("comments").size(), r.toString()));
        assertTrue(outcome.status().summary().contains("TG-AWS-EC2-001"), "existing findings are listed: "
                + outcome.status().summary());
    }

    @Test
    void pullRequestWithoutIacSucceedsWithNoIacChanges() {
        harness.github.pushHead(tree("README.md", "hello\n"));

        ReviewOutcome outcome = harness.reviewHead();

        assertEquals(ReviewOutcome.Kind.NO_IAC_CHANGES, outcome.kind());
        assertStatus(0, "success", harness.github.headSha());
        assertEquals(ReviewService.NO_IAC_CHANGES, harness.github.statuses().get(0).path("description").asText());
        assertTrue(harness.scannedPaths.isEmpty());
        assertEquals(0, harness.github.reviews().size());
    }

    @Test
    void commentsTheFakeRejectsWith422MoveIntoTheBodyAndNothingIsLost() {
        harness.github.pushHead(tree(S3, INSECURE_TF));
        harness.github.rejectCommentsOn(S3);

        harness.reviewHead();

        assertEquals(1, harness.github.rejectedReviews().size());
        assertEquals(sorted(expectedInsecurePlacements(S3)), sorted(placements(harness.github.rejectedReviews().get(0))));
        List<JsonNode> reviews = harness.github.reviews();
        assertEquals(1, reviews.size());
        assertEquals(0, harness.github.reviewRequests().get(0).path("comments").size());
        String body = reviews.get(0).path("body").asText();
        for (String placement : expectedInsecurePlacements(S3)) {
            String[] p = placement.split(":");
            assertTrue(body.contains("`" + p[0] + "` line " + p[1]), placement + " in " + body);
            assertTrue(body.contains("<!-- tollgate:" + p[2] + ":"), placement + " in " + body);
        }
        assertStatus(0, "failure", harness.github.headSha());
    }

    /**
     * Removing a bucket's public access block makes a new finding on the bucket's own lines, which this change
     * does not touch: the planner lists it in the summary instead of commenting where GitHub would answer 422.
     */
    @Test
    void aNewFindingOnLinesOutsideTheDiffGoesToTheSummaryWithout422() {
        String fixed = ReviewFixtures.secureBucket("data");
        String block = fixed.substring(fixed.indexOf("resource \"aws_s3_bucket_public_access_block\""),
                fixed.indexOf("}\n", fixed.indexOf("restrict_public_buckets")) + 2);
        String withoutBlock = fixed.replace(block, "");
        harness.github.setBase(tree(S3, fixed));
        harness.github.pushHead(tree(S3, withoutBlock));
        int bucketLine = lineOf(withoutBlock, "resource \"aws_s3_bucket\" \"data\"");
        assertFalse(harness.github.commentableLines(S3).contains(bucketLine), "premise: the bucket is outside the diff");

        ReviewOutcome outcome = harness.reviewHead();

        assertEquals(StatusReport.Conclusion.FAILURE, outcome.status().conclusion());
        assertEquals(0, harness.github.rejectedReviews().size(), "no comment on a line outside the diff");
        assertEquals(1, harness.github.reviews().size());
        assertEquals(0, harness.github.reviewRequests().get(0).path("comments").size());
        String body = harness.github.reviews().get(0).path("body").asText();
        assertTrue(body.contains("TG-AWS-S3-005") && body.contains("outside the diff")
                && body.contains(S3 + ":" + bucketLine), body);
        assertStatus(0, "failure", harness.github.headSha());
    }

    @Test
    void aFailingScanStillEndsInAnErrorStatusThatSaysWhatToDo() throws Exception {
        harness.close();
        harness = new ReviewHarness((files, today, days) -> {
            throw new IllegalStateException("rule engine exploded");
        });
        harness.github.setBase(Map.of("infra/main.tf", MAIN_TF));
        harness.github.pushHead(tree(S3, INSECURE_TF));

        ReviewOutcome outcome = harness.reviewHead();

        assertEquals(ReviewOutcome.Kind.ERROR, outcome.kind());
        assertStatus(0, "error", harness.github.headSha());
        assertTrue(outcome.status().summary().contains("rule engine exploded"), outcome.status().summary());
        assertEquals(0, harness.github.reviews().size());
    }

    @Test
    void aGivenUpReviewStillPostsAnErrorStatusOnItsCommit() {
        harness.github.setBase(Map.of("infra/main.tf", MAIN_TF));
        harness.github.pushHead(tree(S3, INSECURE_TF));

        harness.service.giveUp(new dev.tollgate.jobs.ReviewJob(harness.ref(), harness.github.headSha(), "d",
                java.time.Instant.now()));

        assertStatus(0, "error", harness.github.headSha());
        assertTrue(harness.github.statuses().get(0).path("description").asText().contains("gave up"));
        assertEquals(0, harness.github.reviews().size());
    }

    @Test
    void anInvalidConfigOnTheBaseFallsBackToDefaultsAndSaysSo() {
        harness.github.setBase(Map.of(".tollgate.yml", "block: sometimes\n", "infra/main.tf", MAIN_TF));
        harness.github.pushHead(tree(S3, INSECURE_TF));

        ReviewOutcome outcome = harness.reviewHead();

        assertEquals(ReviewOutcome.Kind.REVIEWED, outcome.kind());
        assertStatus(0, "failure", harness.github.headSha());
        String body = harness.github.reviews().get(0).path("body").asText();
        assertTrue(body.contains(".tollgate.yml") && body.contains("sometimes"), body);
    }

    @Test
    void aClosedPullRequestOrAnOutdatedHeadPostsNothing() {
        harness.github.pushHead(tree(S3, INSECURE_TF));
        String old = harness.github.headSha();
        harness.github.pushHead(tree(S3, INSECURE_TF + "\n"));

        ReviewOutcome superseded = harness.service.review(new ReviewJob(harness.ref(), old, "d1", Instant.now()));
        harness.github.close(true);
        ReviewOutcome closed = harness.reviewHead();

        assertEquals(ReviewOutcome.Kind.SUPERSEDED, superseded.kind());
        assertEquals(ReviewOutcome.Kind.CLOSED, closed.kind());
        assertNull(closed.status());
        assertEquals(0, harness.github.statuses().size());
        assertEquals(0, harness.github.reviews().size());
    }

    private void assertNoInlineCommentsAfterTheFirstReview() {
        List<JsonNode> requests = harness.github.reviewRequests();
        for (JsonNode later : requests.subList(1, requests.size())) {
            assertEquals(0, later.path("comments").size(), "fixed findings get no new comments: " + later);
        }
    }

    private void assertNoRepeatedReviewBody() {
        List<String> bodies = harness.github.reviews().stream().map(r -> r.path("body").asText()).toList();
        assertEquals(bodies.size(), bodies.stream().distinct().count(), "a review body was posted twice: " + bodies);
    }

    private static Map<String, String> tree(String path, String text) {
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

    static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }
}
