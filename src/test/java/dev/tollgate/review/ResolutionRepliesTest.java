package dev.tollgate.review;

import dev.tollgate.forge.BotComment;
import dev.tollgate.plan.Marker;
import dev.tollgate.plan.ResolutionNote;
import dev.tollgate.plan.ReviewPlan.StaleComment;
import dev.tollgate.plan.ReviewPlan.StaleComment.Why;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which stale threads {@link TollgatePlanner} answers, given the bot's earlier replies. */
class ResolutionRepliesTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final StaleComment A = new StaleComment("10", "TG-A:f.tf:r.a", Why.FIXED, "fixed");
    static final StaleComment B = new StaleComment("10", "TG-B:f.tf:r.a", Why.FIXED, "fixed");
    static final StaleComment C = new StaleComment("20", "TG-C:f.tf:r.c", Why.EXCEPTED, "excepted by ops until 2027-01-01");

    @Test
    void oneReplyPerThreadGroupingItsFindings() {
        List<PlannedReview.Reply> replies = TollgatePlanner.resolutionReplies(List.of(A, B, C), List.of(), SHA);

        assertEquals(List.of(10L, 20L), replies.stream().map(PlannedReview.Reply::commentId).toList());
        assertEquals(Set.of(A.key(), B.key()), Marker.findResolved(replies.get(0).body()));
        assertEquals(Set.of(C.key()), Marker.findResolved(replies.get(1).body()));
    }

    @Test
    void findingsAlreadyAnsweredInTheirThreadAreNotAnsweredAgain() {
        BotComment earlierReply = new BotComment(BotComment.Kind.INLINE, 11, "f.tf", 3,
                ResolutionNote.render(List.of(A), SHA), 10);
        // the same key answered in another thread does not count for this one
        BotComment elsewhere = new BotComment(BotComment.Kind.INLINE, 21, "f.tf", 9,
                ResolutionNote.render(List.of(C), SHA), 99);

        List<PlannedReview.Reply> replies = TollgatePlanner.resolutionReplies(List.of(A, B, C),
                List.of(earlierReply, elsewhere), SHA);

        assertEquals(List.of(10L, 20L), replies.stream().map(PlannedReview.Reply::commentId).toList());
        assertEquals(Set.of(B.key()), Marker.findResolved(replies.get(0).body()));
        assertEquals(List.of(), TollgatePlanner.resolutionReplies(List.of(A), List.of(earlierReply), SHA));
    }
}
