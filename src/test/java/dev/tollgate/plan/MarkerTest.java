package dev.tollgate.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkerTest {

    @Test
    void ordinaryFingerprintsStayReadable() {
        assertEquals("<!-- tollgate:TG-AWS-S3-001:modules/s3/main.tf:aws_s3_bucket.b -->",
                Marker.of("TG-AWS-S3-001:modules/s3/main.tf:aws_s3_bucket.b"));
    }

    @Test
    void aGroupedCommentYieldsEveryKeyButNotTheSummary() {
        String body = "a\n" + Marker.of("TG-1:a.tf:x -->y") + "\n---\nb\n" + Marker.of("TG-2:a.tf:x") + "\n"
                + Marker.SUMMARY;
        assertEquals(java.util.List.of("TG-1:a.tf:x -->y", "TG-2:a.tf:x"), Marker.findAll(body));
    }

    @Test
    void theBotsThreadAnswersCarryAMarkerThatNamesNoFinding() {
        String body = "Exception recorded for TG-1 on `x`\n\n" + Marker.REPLY;
        assertTrue(body.contains("<!-- tollgate:"), "the reply is recognisable as the bot's");
        assertEquals(java.util.List.of(), Marker.findAll(body));
        assertTrue(Marker.find(body).isEmpty());
    }

    @Test
    void hostileKeysRoundTripAndCannotCloseTheComment() {
        String[] keys = {"TG-1:a.tf:x[\"k\"]", "TG-1:a b.tf:x -->y", "TG-1:ü.tf:r--", "TG-1:%41.tf:r#2", "-"};
        for (String key : keys) {
            String marker = Marker.of(key);
            String inner = marker.substring("<!-- ".length(), marker.length() - " -->".length());
            assertFalse(inner.contains("--") || inner.contains(">") || inner.contains(" "), marker);
            assertEquals(key, Marker.find("body\n" + marker).orElseThrow(), marker);
        }
    }

    @Test
    void summaryAndForeignCommentsHaveNoFindingKey() {
        assertTrue(Marker.find(Marker.SUMMARY + "\nhello").isEmpty());
        assertTrue(Marker.find("a human comment").isEmpty());
        assertEquals("k", Marker.find("quoted <!-- tollgate:fake --> text\n" + Marker.of("k")).orElseThrow());
    }

    @Test
    void keysNumberRepeatsAndHashAbsurdlyLongFingerprints() {
        assertEquals("TG-1:a.tf:r", Marker.key("TG-1:a.tf:r", 1));
        assertEquals("TG-1:a.tf:r#3", Marker.key("TG-1:a.tf:r", 3));
        String longKey = Marker.key("TG-1:a.tf:" + "r".repeat(10_000), 1);
        assertTrue(longKey.matches("sha256:[0-9a-f]{64}"), longKey);
        assertEquals(longKey, Marker.key("TG-1:a.tf:" + "r".repeat(10_000), 1));
    }
}
