package dev.tollgate.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review-comment webhooks, with payloads written for the test. */
class GitHubEventTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    static ObjectNode reply(String action, String body, Long inReplyTo) {
        ObjectNode payload = JSON.createObjectNode().put("action", action);
        payload.putObject("repository").put("full_name", "acme/infra");
        payload.putObject("pull_request").put("number", 5);
        payload.putObject("installation").put("id", 9);
        ObjectNode comment = payload.putObject("comment").put("id", 77).put("body", body);
        if (inReplyTo != null) {
            comment.put("in_reply_to_id", inReplyTo);
        }
        comment.putObject("user").put("login", "octocat");
        return payload;
    }

    static GitHubEvent of(ObjectNode payload) {
        return GitHubEvent.of("pull_request_review_comment", payload, "d-1", NOW);
    }

    @Test
    void aReplyWithTheCommandBecomesAnExceptionRequest() {
        GitHubEvent event = of(reply("created", "ok\n/tollgate exception owner=@a", 66L));
        assertNotNull(event.exceptionReply());
        assertNull(event.job());
        assertEquals("acme/infra#5", event.exceptionReply().pullRequest().toString());
        assertEquals(9L, event.exceptionReply().pullRequest().installationId());
        assertEquals(77, event.exceptionReply().commentId());
        assertEquals(66, event.exceptionReply().inReplyToId());
        assertEquals("octocat", event.exceptionReply().author());
        assertEquals("d-1", event.exceptionReply().deliveryId());
    }

    @Test
    void otherCommentsAreIgnoredWithAReason() {
        assertTrue(of(reply("edited", "/tollgate exception owner=@a", 66L)).ignoredReason().contains("'edited'"));
        assertTrue(of(reply("created", "nice catch", 66L)).ignoredReason().contains("requests no exception"));
        assertTrue(of(reply("created", "/tollgate exception owner=@a", null)).ignoredReason().contains("replies to none"));
        assertTrue(of(reply("created", "/tollgate exception owner=@a\n<!-- tollgate:reply -->", 66L)).ignoredReason()
                .contains("written by Tollgate"));
    }

    @Test
    void aRequestWithoutItsAuthorOrPullRequestIsMalformed() {
        ObjectNode noAuthor = reply("created", "/tollgate exception owner=@a", 66L);
        ((ObjectNode) noAuthor.get("comment")).remove("user");
        assertThrows(IllegalArgumentException.class, () -> of(noAuthor));
        ObjectNode noNumber = reply("created", "/tollgate exception owner=@a", 66L);
        ((ObjectNode) noNumber.get("pull_request")).remove("number");
        assertThrows(IllegalArgumentException.class, () -> of(noNumber));
    }
}
