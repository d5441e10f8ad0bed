package dev.tollgate.review;

import dev.tollgate.forge.BotComment;
import dev.tollgate.plan.Marker;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExceptionRequestsTest {

    static BotComment inline(String... keys) {
        StringBuilder body = new StringBuilder("finding");
        for (String key : keys) {
            body.append("\n\n---\n\n").append(Marker.of(key));
        }
        return new BotComment(BotComment.Kind.INLINE, 1, "infra/s3.tf", 3, body.toString());
    }

    @Test
    void aGroupedCommentNamesEachFindingOnceWithoutItsRepeatSuffix() {
        Set<String> fingerprints = ExceptionRequests.fingerprints(inline("TG-A:infra/s3.tf:aws_s3_bucket.b",
                "TG-A:infra/s3.tf:aws_s3_bucket.b#2", "TG-B:infra/s3.tf:aws_s3_bucket.b"));
        assertEquals(List.of("TG-A:infra/s3.tf:aws_s3_bucket.b", "TG-B:infra/s3.tf:aws_s3_bucket.b"),
                List.copyOf(fingerprints));
    }

    @Test
    void hashedKeysOfAbsurdlyLongFingerprintsCannotBeRecorded() {
        String key = Marker.key("TG-A:f.tf:" + "r".repeat(600), 1);
        assertEquals(Set.of(), ExceptionRequests.fingerprints(inline(key)));
        assertEquals(Set.of(), ExceptionRequests.fingerprints(
                new BotComment(BotComment.Kind.INLINE, 1, "f.tf", 1, "no marker " + Marker.SUMMARY)));
    }
}
