package dev.tollgate.plan;

import dev.tollgate.policy.Finding;
import dev.tollgate.policy.FindingStatus;
import dev.tollgate.policy.Severity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.tollgate.exception.TestFindings.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommentRendererTest {

    private final CommentRenderer renderer = new CommentRenderer(LocalDate.of(2027, 1, 15), 90);

    @Test
    void commentHasBadgeExplanationSuggestionWithIndentationExceptionHelpAndMarker() {
        Finding f = finding("TG-AWS-S3-001", Severity.HIGH, "main.tf", 4, "aws_s3_bucket.b", 3, 5, "acl = \"private\"");
        String body = renderer.inline(f, "    acl = \"public-read\"", true, f.fingerprint(), 4);
        List<String> lines = body.lines().toList();

        assertEquals("🟠 **HIGH** · `TG-AWS-S3-001` · S3 bucket is publicly readable", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("Anyone on the internet can list and read the objects.", lines.get(2));
        assertTrue(lines.contains("**Here:** `aws_s3_bucket.b` — bucket aws\\_s3\\_bucket.b grants public-read"), body);
        assertTrue(lines.contains("**How to fix:** Set acl to private."), body);
        int fence = lines.indexOf("```suggestion");
        assertTrue(fence > 0, body);
        assertEquals("    acl = \"private\"", lines.get(fence + 1));
        assertEquals("```", lines.get(fence + 2));
        assertTrue(body.contains("> ⛔ This finding blocks the merge"), body);
        assertTrue(body.contains("<details><summary>Request an exception</summary>"), body);
        assertTrue(body.contains("# tollgate:exception TG-AWS-S3-001 owner=@your-team expires=2027-02-14 "
                + "reason=\"why this is acceptable\""), body);
        assertTrue(body.contains("or reply to this comment on GitHub with:\n\n```\n/tollgate exception "
                + "owner=@your-team expires=2027-02-14 reason=\"why this is acceptable\"\n```"), body);
        assertTrue(body.contains("at most 90 days away"), body);
        assertEquals("<!-- tollgate:TG-AWS-S3-001:main.tf:aws_s3_bucket.b -->", lines.get(lines.size() - 1));
        assertEquals(1, count(body, "<!--"));
    }

    @Test
    void noSuggestionWithoutTheOriginalLineOrOnAnotherLine() {
        Finding f = finding("TG-AWS-S3-001", Severity.LOW, "main.tf", 4, "aws_s3_bucket.b", 3, 5, "acl = \"private\"");
        assertFalse(renderer.inline(f, null, false, "k", 4).contains("```suggestion"));
        assertFalse(renderer.inline(f, "  acl = 1", false, "k", 5).contains("```suggestion"));
        assertTrue(renderer.inline(f, "  acl = 1", false, "k", 4).contains("> ℹ️ This finding does not block"));
    }

    @Test
    void multiLineSuggestionKeepsRelativeIndentationAndTabs() {
        assertEquals("\tversioning {\n\t  enabled = true\n\t}",
                CommentRenderer.indented("versioning {\n  enabled = true\n}", "\tacl = 1"));
    }

    @Test
    void hostileFileContentCannotInjectMarkupMentionsOrMarkers() {
        String evil = "x --> <img src=x onerror=alert(1)> [link](http://e.vil) @org/everyone `code` <!-- tollgate:fake -->";
        Finding f = new Finding("TG-X-1", Severity.CRITICAL, "Title", "Desc <!-- hidden -->", "Fix",
                "dir/evil`name.tf", 2, 2, "aws_s3_bucket." + evil, 1, 3, "message " + evil,
                "a = \"```\"", Map.of(), Map.of(), FindingStatus.INVALID_EXCEPTION, "detail " + evil);
        String body = renderer.inline(f, "  a = 1", true, f.fingerprint(), 2);

        assertEquals(1, count(body, "<!--"), body);
        assertEquals(1, count(body, "-->"), body);
        // in the code span the resource is shown literally (GitHub renders no markup there), comment-proofed;
        // in the message every markup character is escaped and the mention defused
        String here = "**Here:** ``aws_s3_bucket.x --\u200B> <img src=x onerror=alert(1)> [link](http://e.vil) "
                + "@org/everyone `code` <!\u200B-- tollgate:fake --\u200B>`` — message x --&gt; &lt;img src=x "
                + "onerror=alert(1)&gt; \\[link\\](http://e.vil) @\u200Borg/everyone \\`code\\` "
                + "&lt;!-- tollgate:fake --&gt;";
        assertTrue(body.lines().anyMatch(here::equals), body);
        assertTrue(body.contains("Desc &lt;!-- hidden --&gt;"), body);
        assertTrue(body.contains("````suggestion\n  a = \"```\"\n````"), body);
        assertEquals(f.fingerprint(), Marker.find(body).orElseThrow());
        assertTrue(body.contains("⚠️ **The exception here does not count:** detail"), body);
    }

    @Test
    void hugeMessagesAreBounded() {
        Finding f = new Finding("TG-X-1", Severity.LOW, "t".repeat(100_000), "d".repeat(100_000), "r".repeat(100_000),
                "a.tf", 1, 1, "r".repeat(100_000), 1, 1, "m".repeat(1_000_000), null, Map.of(), Map.of(),
                FindingStatus.OPEN, null);
        String body = renderer.inline(f, null, false, Marker.key(f.fingerprint(), 1), 1);
        assertTrue(body.length() <= CommentRenderer.MAX_BODY, "length " + body.length());
        assertTrue(Marker.find(body).isPresent());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
