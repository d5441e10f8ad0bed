package dev.tollgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.forge.github.fake.Corpus;
import dev.tollgate.forge.github.fake.FakeGitHub;
import dev.tollgate.plan.Marker;
import dev.tollgate.review.ReviewFixtures;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.tollgate.web.TerraGoatWebhookEndToEndTest.Mode.TOKEN;
import static dev.tollgate.web.TerraGoatWebhookEndToEndTest.PR;
import static dev.tollgate.web.TerraGoatWebhookEndToEndTest.REPO;
import static dev.tollgate.web.TerraGoatWebhookEndToEndTest.SECRET;
import static dev.tollgate.web.TerraGoatWebhookEndToEndTest.conclusions;
import static dev.tollgate.web.TerraGoatWebhookEndToEndTest.json;
import static dev.tollgate.web.TerraGoatWebhookEndToEndTest.payload;
import static dev.tollgate.web.TerraGoatWebhookEndToEndTest.start;
import static dev.tollgate.web.TerraGoatWebhookEndToEndTest.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exceptions requested by replying to the bot's comment, end to end: a pull request adds a bucket that only lacks
 * its hardening (every finding on the resource's first line, so one grouped inline comment); signed
 * {@code pull_request_review_comment} webhooks reply to that comment; the bot answers in the thread, records valid
 * requests and reviews the head again.
 */
class ExceptionReplyEndToEndTest {

    static final String S3 = "infra/logs.tf";
    static final String BARE_BUCKET = """
            resource "aws_s3_bucket" "logs" {
              bucket = "acme-logs"
            }
            """;

    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void aValidReplyIsRecordedAnsweredAndTheCheckTurnsGreen() throws Exception {
        try (FakeGitHub github = new FakeGitHub(REPO, PR, Corpus.openApiSubset());
             GitHubBot bot = start(github, TOKEN)) {
            long findingComment = reviewedBareBucket(github, bot);

            String request = "Agreed with security.\n\n/tollgate exception owner=@acme/platform expires="
                    + today.plusDays(30) + " reason=\"legacy\"";
            long replyId = github.replyAs("octocat", findingComment, request);
            HttpResponse<String> answer = webhook(bot, "pull_request_review_comment", "reply-1",
                    replyPayload(github, replyId, findingComment, "octocat", request), SECRET);
            assertEquals(202, answer.statusCode(), answer.body());
            assertEquals("queued", json.readTree(answer.body()).path("status").asText());
            assertTrue(bot.awaitIdle(60, TimeUnit.SECONDS));

            // the answer to the request, then the re-run review's note that the thread's findings are now excepted
            assertEquals(2, github.replies().size());
            JsonNode reply = github.replies().get(0);
            JsonNode excepted = github.replies().get(1);
            assertEquals(findingComment, excepted.path("in_reply_to_id").asLong());
            assertTrue(excepted.path("body").asText().startsWith("🛡️ Excepted in `" + github.headSha().substring(0, 7)
                    + "`: "), excepted.path("body").asText());
            assertEquals(findingComment, reply.path("in_reply_to_id").asLong());
            String body = reply.path("body").asText();
            assertTrue(body.startsWith("Exception recorded for TG-AWS-S3-"), body);
            assertTrue(body.contains(" on `aws_s3_bucket.logs`"), body);
            assertTrue(body.contains(": owner `@acme/platform`, until " + today.plusDays(30)
                    + "; the check is being re-run."), body);
            assertEquals(List.of("failure", "success"), conclusions(github, TOKEN), "the review ran again and passes");
            assertEquals(github.headSha(), github.statuses().get(1).path("sha").asText());
            String summary = github.reviews().get(github.reviews().size() - 1).path("body").asText();
            assertTrue(summary.contains("requested by @"), summary);
            assertEquals(List.of(), github.violations());

            // a redelivery of the same reply is answered as a duplicate and records nothing again
            assertEquals("duplicate", json.readTree(webhook(bot, "pull_request_review_comment", "reply-1",
                    replyPayload(github, replyId, findingComment, "octocat", request), SECRET).body()).path("status").asText());
        }
    }

    @Test
    void anInvalidReplyIsAnsweredWithWhatIsWrongAndChangesNothing() throws Exception {
        try (FakeGitHub github = new FakeGitHub(REPO, PR, Corpus.openApiSubset());
             GitHubBot bot = start(github, TOKEN)) {
            long findingComment = reviewedBareBucket(github, bot);
            int requestsBefore = github.requests().size();

            String noReason = "/tollgate exception owner=@acme/platform expires=" + today.plusDays(30);
            webhook(bot, "pull_request_review_comment", "bad-1",
                    replyPayload(github, github.replyAs("octocat", findingComment, noReason), findingComment, "octocat",
                            noReason), SECRET);
            String tooFar = "/tollgate exception owner=@acme/platform expires=" + today.plusDays(120) + " reason=\"legacy\"";
            webhook(bot, "pull_request_review_comment", "bad-2",
                    replyPayload(github, github.replyAs("octocat", findingComment, tooFar), findingComment, "octocat",
                            tooFar), SECRET);
            assertTrue(bot.awaitIdle(60, TimeUnit.SECONDS));

            assertEquals(2, github.replies().size());
            String first = github.replies().get(0).path("body").asText();
            assertTrue(first.startsWith("The exception was not recorded:\n\n- reason is missing; add reason="), first);
            assertEquals(1, first.lines().filter(l -> l.startsWith("- ")).count(), first);
            String second = github.replies().get(1).path("body").asText();
            assertTrue(second.contains("- expires " + today.plusDays(120) + " is more than 90 days away; the latest"
                    + " allowed date is " + today.plusDays(90)), second);
            assertFalse(second.contains("recorded for"), second);
            assertEquals(List.of("failure"), conclusions(github, TOKEN), "no review ran again, the status is unchanged");
            assertEquals(1, github.reviews().size());
            assertTrue(github.requests().subList(requestsBefore, github.requests().size()).stream()
                    .noneMatch(r -> r.path().contains("/statuses/") || r.path().endsWith("/reviews")
                            && r.method().equals("POST")));
            assertEquals(List.of(), github.violations());
        }
    }

    @Test
    void theBotsOwnRepliesAndRepliesToOtherThreadsAreNotRecorded() throws Exception {
        try (FakeGitHub github = new FakeGitHub(REPO, PR, Corpus.openApiSubset());
             GitHubBot bot = start(github, TOKEN)) {
            long findingComment = reviewedBareBucket(github, bot);
            String valid = "/tollgate exception owner=@acme/platform expires=" + today.plusDays(30) + " reason=\"x\"";

            // the bot's own answer (it carries the reply marker), e.g. quoting the form back
            String own = "The exception was not recorded:\n\n- reason is missing\n\n" + valid + "\n\n" + Marker.REPLY;
            HttpResponse<String> ownAnswer = webhook(bot, "pull_request_review_comment", "own-1",
                    replyPayload(github, findingComment + 1_000, findingComment, "tollgate[bot]", own), SECRET);
            assertEquals(202, ownAnswer.statusCode());
            assertEquals("ignored", json.readTree(ownAnswer.body()).path("status").asText());

            // a top-level comment (no thread) is not a request
            HttpResponse<String> topLevel = webhook(bot, "pull_request_review_comment", "top-1",
                    replyPayload(github, findingComment + 2_000, 0, "octocat", valid), SECRET);
            assertEquals("ignored", json.readTree(topLevel.body()).path("status").asText());
            assertTrue(bot.awaitIdle(60, TimeUnit.SECONDS));

            assertEquals(0, github.replies().size());
            assertEquals(List.of("failure"), conclusions(github, TOKEN));
            assertEquals(List.of(), github.violations());
        }
    }

    /** Opens the pull request with the bare bucket; returns the id of the one (grouped) inline comment. */
    private static long reviewedBareBucket(FakeGitHub github, GitHubBot bot) throws Exception {
        Map<String, String> base = Map.of("infra/main.tf", ReviewFixtures.MAIN_TF);
        github.setBase(base);
        String head = github.pushHead(Map.of("infra/main.tf", ReviewFixtures.MAIN_TF, S3, BARE_BUCKET));
        assertEquals(202, webhook(bot, "pull_request", "opened-1",
                payload("pull_request.opened.payload.json", head, TOKEN), SECRET).statusCode());
        assertTrue(bot.awaitIdle(60, TimeUnit.SECONDS));
        assertEquals(List.of("failure"), conclusions(github, TOKEN));
        List<JsonNode> comments = github.reviewComments();
        assertEquals(1, comments.size(), "premise: every finding of the bare bucket is on its first line: " + comments);
        assertTrue(Marker.findAll(comments.get(0).path("body").asText()).size() > 1, "premise: a grouped comment");
        return comments.get(0).path("id").asLong();
    }

    /** The octokit example, with the repository, pull request, comment id, thread, author and body rewritten. */
    private static byte[] replyPayload(FakeGitHub github, long commentId, long inReplyTo, String login, String body)
            throws Exception {
        ObjectNode payload = (ObjectNode) json.readTree(Files.readAllBytes(
                Corpus.path("webhooks/github/pull_request_review_comment.created.payload.json")));
        ((ObjectNode) payload.get("repository")).put("full_name", REPO);
        ObjectNode pull = (ObjectNode) payload.get("pull_request");
        pull.put("number", PR);
        ((ObjectNode) pull.get("head")).put("sha", github.headSha());
        payload.remove("installation");
        ObjectNode comment = (ObjectNode) payload.get("comment");
        comment.put("id", commentId).put("body", body);
        if (inReplyTo > 0) {
            comment.put("in_reply_to_id", inReplyTo);
        } else {
            comment.putNull("in_reply_to_id");
        }
        ((ObjectNode) comment.get("user")).put("login", login);
        return json.writeValueAsBytes(payload);
    }
}
