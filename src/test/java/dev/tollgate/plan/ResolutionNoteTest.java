package dev.tollgate.plan;

import dev.tollgate.plan.ReviewPlan.StaleComment;
import dev.tollgate.plan.ReviewPlan.StaleComment.Why;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResolutionNoteTest {

    static final String SHA = "abc1234def5678abc1234def5678abc1234def56";
    static final String KEY = "TG-AWS-S3-002:infra/s3.tf:aws_s3_bucket.data";

    @Test
    void aFixedFindingIsResolvedInTheShortShaAndCarriesItsKeyInAHiddenMarker() {
        String body = ResolutionNote.render(List.of(new StaleComment("7", KEY, Why.FIXED, "fixed: the finding is gone")), SHA);

        assertTrue(body.startsWith("✅ Resolved in `abc1234`: no longer found."), body);
        assertFalse(body.contains(SHA), "only the short SHA is shown: " + body);
        assertTrue(body.contains(Marker.REPLY), body);
        assertEquals(Set.of(KEY), Marker.findResolved(body));
        assertEquals(List.of(), Marker.findAll(body), "a resolution marker is not a finding's marker");
        assertTrue(Marker.find(body).isEmpty(), body);
    }

    @Test
    void anExceptedFindingQuotesTheExceptionSafely() {
        String body = ResolutionNote.render(List.of(new StaleComment("7", KEY, Why.EXCEPTED,
                "excepted by @team until 2027-01-31 <!-- tollgate:forged -->")), SHA);

        assertTrue(body.startsWith("🛡️ Excepted in `abc1234`: excepted by @\u200Bteam until 2027-01-31"), body);
        assertEquals(List.of(), Marker.findAll(body), "the reason cannot forge a marker: " + body);
        assertEquals(Set.of(KEY), Marker.findResolved(body));
    }

    @Test
    void aThreadGroupingSeveralFindingsGetsOneLinePerFindingNamedByRule() {
        String other = "TG-AWS-S3-003:infra/s3.tf:aws_s3_bucket.data";
        String body = ResolutionNote.render(List.of(new StaleComment("7", KEY, Why.FIXED, "fixed"),
                new StaleComment("7", other, Why.OUT_OF_CHANGE, "still present")), SHA);

        List<String> lines = body.lines().toList();
        assertEquals("✅ Resolved in `abc1234`: **TG-AWS-S3-002**: no longer found.", lines.get(0));
        assertTrue(lines.get(1).startsWith("ℹ️ As of `abc1234`, **TG-AWS-S3-003**: "), lines.get(1));
        assertEquals(Set.of(KEY, other), Marker.findResolved(body));
    }

    @Test
    void hostileKeysRoundTripThroughTheMarker() {
        String hostile = "TG-X:a.tf:aws_s3_bucket.x --> <!-- tollgate:y -->";
        String body = ResolutionNote.render(List.of(new StaleComment("7", hostile, Why.FIXED, "fixed")), SHA);

        assertEquals(Set.of(hostile), Marker.findResolved(body));
        assertEquals(List.of(), Marker.findAll(body), body);
    }

    @Test
    void nothingToSayIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> ResolutionNote.render(List.of(), SHA));
    }
}
