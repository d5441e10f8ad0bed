package dev.tollgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.forge.ChangedFile;
import dev.tollgate.forge.FileContent;
import dev.tollgate.forge.Forge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.tollgate.review.ReviewFixtures.INSECURE_TF;
import static dev.tollgate.review.ReviewFixtures.MAIN_TF;
import static dev.tollgate.review.ReviewFixtures.lineOf;
import static dev.tollgate.review.ReviewFixtures.placements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One pull request that changes an insecure but valid file next to three hostile ones in the same module: a syntax
 * error, 20 MB of Terraform, and 10,000 nested brackets. The valid file is still reviewed inline, each hostile file
 * is named in the summary with its line and reason, and the status is posted and fails.
 */
class HostileFilesReviewTest {

    static final String INSECURE = "infra/s3.tf";
    static final String BROKEN = "infra/broken.tf";
    static final String HUGE = "infra/huge.tf";
    static final String DEEP = "infra/deep.tf";
    static final String BROKEN_TF = """
            resource "aws_s3_bucket" "broken" {
              bucket = "b"
              acl    =
            }
            """;
    static final int DEPTH = 10_000;
    static final String DEEP_TF = "locals {\n  x = " + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "\n}\n";

    ReviewHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new ReviewHarness();
        harness.github.setBase(Map.of("infra/main.tf", MAIN_TF));
    }

    @AfterEach
    void stop() {
        assertEquals(List.of(), harness.github.violations());
        harness.close();
    }

    @Test
    void theInsecureFileIsStillCommentedAndEachUnreadableFileIsNamedWithLineAndReason() {
        String huge = hugeTerraform(20 * 1024 * 1024);
        Map<String, String> head = new HashMap<>(Map.of("infra/main.tf", MAIN_TF, INSECURE, INSECURE_TF,
                BROKEN, BROKEN_TF, HUGE, huge, DEEP, DEEP_TF));
        harness.github.pushHead(head);

        ReviewOutcome outcome = harness.reviewHead();

        assertEquals(ReviewOutcome.Kind.REVIEWED, outcome.kind());
        assertEquals(1, harness.github.reviews().size());
        assertEquals(0, harness.github.rejectedReviews().size());
        JsonNode review = harness.github.reviewRequests().get(0);
        assertEquals(ReviewServiceTest.sorted(ReviewServiceTest.expectedInsecurePlacements(INSECURE)),
                ReviewServiceTest.sorted(placements(review).stream().filter(p -> p.startsWith(INSECURE + ":")).toList()),
                "the valid file's findings, on their lines");
        assertTrue(placements(review).stream().noneMatch(p -> p.startsWith(HUGE) || p.startsWith(DEEP)));

        String body = review.path("body").asText();
        int brokenLine = lineOf(BROKEN_TF, "acl    =");
        assertTrue(body.contains("`" + BROKEN + "` line " + brokenLine + ": "), body);
        assertTrue(body.contains("`" + DEEP + "` line 2: ") && body.contains("Nesting too deep"), body);
        assertTrue(body.contains("`" + HUGE + "`: larger than 1024 KiB (" + huge.length() + " bytes)"), body);
        for (String file : List.of(BROKEN, DEEP, HUGE)) {
            assertTrue(body.contains("`" + file + "`") && body.contains("blocks: the file is changed or the error is new in this pull request"),
                    file + " in " + body);
        }
        assertEquals(1, harness.github.statuses().size());
        JsonNode status = harness.github.statuses().get(0);
        assertEquals("failure", status.path("state").asText());
        assertTrue(status.path("description").asText().contains("3 unreadable files"), status.toString());
        // the huge file was read neither as a changed file nor again as a module sibling
        assertEquals(1, harness.github.requests().stream()
                .filter(r -> r.path().endsWith("/contents/" + HUGE) && r.query() != null
                        && r.query().contains(harness.github.headSha())).count());
    }

    /** The fake answers as GitHub does for a file over 1 MB; the forge reports it as not read, with the reason. */
    @Test
    void theForgeReportsAHugeFileAsSkippedAndItsDiffHasNoPatch() throws Exception {
        String huge = hugeTerraform(20 * 1024 * 1024);
        String sha = harness.github.pushHead(Map.of("infra/main.tf", MAIN_TF, HUGE, huge));

        FileContent content = harness.forge.fileContent(harness.ref(), HUGE, sha);
        ChangedFile change = harness.forge.changedFiles(harness.ref()).stream()
                .filter(f -> f.path().equals(HUGE)).findFirst().orElseThrow();

        assertTrue(content.isSkipped());
        assertNull(content.text());
        assertTrue(content.skippedReason().contains("larger than " + Forge.MAX_FILE_BYTES / 1024 + " KiB"),
                content.skippedReason());
        assertTrue(content.skippedReason().contains(huge.length() + " bytes"), content.skippedReason());
        assertNull(change.patch(), "GitHub leaves the patch of a 20 MB diff out");
        assertEquals(ChangedFile.Status.ADDED, change.status());
    }

    /** Valid Terraform, line after line, up to about {@code bytes}. */
    static String hugeTerraform(int bytes) {
        StringBuilder text = new StringBuilder(bytes + 100);
        int i = 0;
        while (text.length() < bytes) {
            text.append("locals { value_").append(i++).append(" = \"").append("x".repeat(60)).append("\" }\n");
        }
        return text.toString();
    }
}
