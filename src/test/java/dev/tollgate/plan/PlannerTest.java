package dev.tollgate.plan;

import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.FindingStatus;
import dev.tollgate.policy.Severity;
import dev.tollgate.review.TollgateConfig;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.tollgate.exception.TestFindings.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 15);
    private static final String MAIN = "resource \"aws_s3_bucket\" \"a\" {\n  acl = \"public-read\"\n}\n"
            + "resource \"aws_s3_bucket\" \"b\" {\n    acl = \"public-read\"\n}\n";

    private final Planner planner = new Planner();

    private static Finding bucketA() {
        return finding("TG-AWS-S3-001", Severity.HIGH, "main.tf", 2, "aws_s3_bucket.a", 1, 3, "acl = \"private\"");
    }

    private static Finding bucketB(Severity severity) {
        return finding("TG-AWS-S3-001", severity, "main.tf", 5, "aws_s3_bucket.b", 4, 6, "acl = \"private\"");
    }

    private static PlanInput input(List<Finding> findings, Set<String> base, Map<String, Set<Integer>> changed,
                                   TollgateConfig config, List<ScanError> errors, Map<String, String> earlier) {
        return new PlanInput(findings, base, changed, Map.of("main.tf", new SourceFile("main.tf", MAIN)), config,
                errors, List.of(), 1, earlier, TODAY);
    }

    private ReviewPlan plan(List<Finding> findings, Set<String> base, Set<Integer> commentable) {
        return planner.plan(input(findings, base, Map.of("main.tf", commentable), TollgateConfig.defaults(),
                List.of(), Map.of()));
    }

    @Test
    void newFindingOnADiffLineIsCommentedInlineAndBlocks() {
        ReviewPlan plan = plan(List.of(bucketB(Severity.HIGH)), Set.of(), Set.of(4, 5, 6));
        assertEquals(ReviewPlan.Conclusion.FAILURE, plan.conclusion());
        assertEquals("1 new finding blocks this change (1 high)", plan.statusDescription());
        assertEquals(1, plan.comments().size());
        ReviewPlan.InlineComment comment = plan.comments().get(0);
        assertEquals("main.tf", comment.path());
        assertEquals(5, comment.line());
        assertTrue(comment.body().contains("```suggestion\n    acl = \"private\"\n```"), comment.body());
        assertTrue(comment.body().endsWith(Marker.of("TG-AWS-S3-001:main.tf:aws_s3_bucket.b")));
        assertTrue(plan.summary().startsWith(Marker.SUMMARY + "\n## ❌ Tollgate: 1 new finding blocks"), plan.summary());
        assertTrue(plan.summary().contains("### ⛔ Blocking (1)"));
        assertTrue(plan.summary().contains("at `main.tf:5` · commented inline"), plan.summary());
        assertEquals(ReviewPlan.AnnotationLevel.FAILURE, plan.annotations().get(0).level());
        assertEquals("HIGH TG-AWS-S3-001: S3 bucket is publicly readable", plan.annotations().get(0).title());
    }

    @Test
    void twoNewFindingsOfDifferentSeverityAreCountedBySeverity() {
        ReviewPlan plan = plan(List.of(bucketB(Severity.MEDIUM), bucketA()), Set.of(), Set.of(1, 2, 3, 4, 5, 6));
        assertEquals("2 new findings block this change (1 high, 1 medium)", plan.statusDescription());
        assertEquals(List.of(2, 5), plan.comments().stream().map(ReviewPlan.InlineComment::line).sorted().toList());
    }

    @Test
    void existingFindingIsListedNotCommentedAndDoesNotBlockByDefault() {
        Finding a = bucketA();
        ReviewPlan plan = plan(List.of(a), Set.of(a.fingerprint()), Set.of(1, 2, 3));
        assertEquals(ReviewPlan.Conclusion.SUCCESS, plan.conclusion());
        assertEquals("No new IaC findings (1 existing)", plan.statusDescription());
        assertTrue(plan.comments().isEmpty());
        assertTrue(plan.summary().contains("### 📦 Existing findings (already at the base; not blocking) (1)"),
                plan.summary());
        assertEquals(ReviewPlan.AnnotationLevel.WARNING, plan.annotations().get(0).level());
    }

    @Test
    void blockAllMakesExistingFindingsBlock() {
        Finding a = bucketA();
        TollgateConfig all = TollgateConfig.parse("block: all");
        ReviewPlan plan = planner.plan(input(List.of(a), Set.of(a.fingerprint()), Map.of("main.tf", Set.of(2)), all,
                List.of(), Map.of()));
        assertEquals(ReviewPlan.Conclusion.FAILURE, plan.conclusion());
        assertEquals("1 existing finding blocks this change (1 high)", plan.statusDescription());
        assertTrue(plan.comments().isEmpty());
    }

    @Test
    void newFindingOutsideTheDiffGoesIntoTheSummaryAndStillBlocks() {
        ReviewPlan plan = plan(List.of(bucketA()), Set.of(), Set.of(5));
        assertTrue(plan.comments().isEmpty());
        assertEquals(ReviewPlan.Conclusion.FAILURE, plan.conclusion());
        assertTrue(plan.summary().contains("at `main.tf:2` · outside the diff<br>bucket aws\\_s3\\_bucket.a grants"),
                plan.summary());
    }

    @Test
    void exceptedFindingIsListedWithItsOwnerAndNeverBlocks() {
        Finding excepted = bucketA().withStatus(FindingStatus.EXCEPTED,
                "excepted by @acme/platform until 2027-03-31: legacy export bucket");
        ReviewPlan plan = plan(List.of(excepted), Set.of(), Set.of(1, 2, 3));
        assertEquals(ReviewPlan.Conclusion.SUCCESS, plan.conclusion());
        assertEquals("No new IaC findings (1 excepted)", plan.statusDescription());
        assertTrue(plan.comments().isEmpty());
        assertTrue(plan.summary().contains("excepted by @\u200Bacme/platform until 2027-03-31: legacy export bucket"),
                plan.summary());
        assertEquals(ReviewPlan.AnnotationLevel.NOTICE, plan.annotations().get(0).level());
    }

    @Test
    void invalidExceptionBlocksEvenOnAnExistingFindingAndSaysWhy() {
        Finding invalid = bucketA().withStatus(FindingStatus.INVALID_EXCEPTION,
                "exception for TG-AWS-S3-001 at main.tf:1 is invalid: expires 2026-01-01 is in the past");
        ReviewPlan plan = plan(List.of(invalid), Set.of(invalid.fingerprint()), Set.of(1, 2));
        assertEquals(ReviewPlan.Conclusion.FAILURE, plan.conclusion());
        assertEquals("1 invalid exception blocks this change (1 high)", plan.statusDescription());
        assertEquals(1, plan.comments().size());
        assertTrue(plan.comments().get(0).body().contains("expires 2026-01-01 is in the past"));
        assertTrue(plan.summary().contains("⚠️ exception for TG-AWS-S3-001 at main.tf:1 is invalid"), plan.summary());
    }

    @Test
    void findingsBelowTheThresholdAreCommentedButDoNotBlock() {
        TollgateConfig high = TollgateConfig.parse("severity_threshold: high");
        ReviewPlan plan = planner.plan(input(List.of(bucketB(Severity.MEDIUM)), Set.of(),
                Map.of("main.tf", Set.of(5)), high, List.of(), Map.of()));
        assertEquals(ReviewPlan.Conclusion.SUCCESS, plan.conclusion());
        assertEquals("No blocking IaC findings (1 new below high)", plan.statusDescription());
        assertEquals(1, plan.comments().size());
        assertTrue(plan.comments().get(0).body().contains("does not block"));
    }

    @Test
    void disabledRulesAndIgnoredPathsAreLeftOutAndCounted() {
        TollgateConfig config = TollgateConfig.parse("disable: [TG-AWS-S3-001]\npaths: {ignore: [\"examples/**\"]}");
        Finding other = finding("TG-K8S-001", Severity.LOW, "examples/pod.yaml", 3, "Pod.default.web", 1, 9, null);
        ReviewPlan plan = planner.plan(input(List.of(bucketA(), other), Set.of(), Map.of("main.tf", Set.of(2)), config,
                List.of(), Map.of()));
        assertEquals(ReviewPlan.Conclusion.SUCCESS, plan.conclusion());
        assertTrue(plan.comments().isEmpty());
        assertTrue(plan.summary().contains("1 finding(s) of rules disabled in .tollgate.yml were not reported"),
                plan.summary());
        assertTrue(plan.summary().contains("1 finding(s) in paths ignored by .tollgate.yml were not reported"));
    }

    @Test
    void aCleanChangeWithFilesNotScannedSaysSoInTheStatus() {
        PlanInput input = new PlanInput(List.of(), Set.of(), Map.of("chart/templates/d.yaml", Set.of(1)), Map.of(),
                TollgateConfig.defaults(), List.of(),
                List.of(new dev.tollgate.iac.Skipped("chart/templates/d.yaml", "Helm template: not rendered, not scanned")),
                0, Map.of(), LocalDate.of(2026, 12, 3));
        ReviewPlan plan = planner.plan(input);
        assertEquals(ReviewPlan.Conclusion.SUCCESS, plan.conclusion());
        assertEquals("No new IaC findings (1 file not scanned)", plan.statusDescription());
        assertTrue(plan.summary().contains("Helm template: not rendered, not scanned"), plan.summary());
    }

    @Test
    void anErrorTheChangeIntroducesInAnUntouchedSiblingBlocks() {
        ScanError sibling = new ScanError("main.tf", 3, 1, "evaluation of this module stopped here: it exceeded its work budget");
        PlanInput introduced = new PlanInput(List.of(), Set.of(), Map.of("locals.tf", Set.of(1)), Map.of(),
                TollgateConfig.defaults(), List.of(sibling), Set.of(), List.of(), 2, Map.of(), LocalDate.of(2026, 12, 3));
        assertEquals(ReviewPlan.Conclusion.FAILURE, planner.plan(introduced).conclusion(),
                "a changed local that breaks the evaluation of an unchanged file must not pass the gate");
        PlanInput existing = new PlanInput(List.of(), Set.of(), Map.of("locals.tf", Set.of(1)), Map.of(),
                TollgateConfig.defaults(), List.of(sibling), Set.of(PlanInput.errorKey(sibling)), List.of(), 2, Map.of(),
                LocalDate.of(2026, 12, 3));
        assertEquals(ReviewPlan.Conclusion.SUCCESS, planner.plan(existing).conclusion(), "the same error at the base");
    }

    @Test
    void unreadableChangedFileBlocksButAnUnreadableSiblingOnlyShows() {
        ScanError changed = new ScanError("main.tf", 7, 3, "unexpected '}'");
        ScanError sibling = new ScanError("variables.tf", 2, 1, "unterminated string");
        ReviewPlan plan = planner.plan(input(List.of(), Set.of(), Map.of("main.tf", Set.of(1)),
                TollgateConfig.defaults(), List.of(changed, sibling), Map.of()));
        assertEquals(ReviewPlan.Conclusion.FAILURE, plan.conclusion());
        assertEquals("1 unreadable file blocks this change", plan.statusDescription());
        assertTrue(plan.summary().contains("`main.tf` line 7: unexpected '}' (blocks: the file is changed or the error is new in this pull request)"),
                plan.summary());
        assertTrue(plan.summary().contains("`variables.tf` line 2: unterminated string (already there before this pull request; not blocking)"));
        ReviewPlan siblingOnly = planner.plan(input(List.of(), Set.of(), Map.of("main.tf", Set.of(1)),
                TollgateConfig.defaults(), List.of(sibling), Map.of()));
        assertEquals(ReviewPlan.Conclusion.SUCCESS, siblingOnly.conclusion());
    }

    @Test
    void nothingScannedMeansNoIacChangesUnlessSomethingWasSkipped() {
        ReviewPlan none = planner.plan(new PlanInput(List.of(), Set.of(), Map.of("README.md", Set.of(1)), Map.of(),
                TollgateConfig.defaults(), List.of(), List.of(), 0, Map.of(), TODAY));
        assertEquals("no IaC changes", none.statusDescription());
        ReviewPlan plan = planner.plan(new PlanInput(List.of(), Set.of(), Map.of("README.md", Set.of(1)), Map.of(),
                TollgateConfig.defaults(), List.of(), List.of(new Skipped("big.tf", "larger than 1 MiB")), 0, Map.of(),
                TODAY));
        assertEquals(ReviewPlan.Conclusion.SUCCESS, plan.conclusion());
        assertEquals("No new IaC findings (1 file not scanned)", plan.statusDescription(),
                "a skipped IaC file is a change that was not scanned, not the absence of one");
        assertTrue(plan.summary().contains("`big.tf`: larger than 1 MiB"), plan.summary());
    }

    @Test
    void earlierCommentsAreUpdatedOrReportedStale() {
        Finding b = bucketB(Severity.HIGH);
        Map<String, String> earlier = Map.of(b.fingerprint(), "101", "TG-AWS-S3-001:main.tf:aws_s3_bucket.gone", "102");
        ReviewPlan plan = planner.plan(input(List.of(b), Set.of(), Map.of("main.tf", Set.of(5)),
                TollgateConfig.defaults(), List.of(), earlier));
        assertTrue(plan.comments().isEmpty());
        assertEquals(1, plan.updates().size());
        assertEquals("101", plan.updates().get(0).commentId());
        assertEquals(5, plan.updates().get(0).line());
        assertEquals(List.of(new ReviewPlan.StaleComment("102", "TG-AWS-S3-001:main.tf:aws_s3_bucket.gone",
                ReviewPlan.StaleComment.Why.FIXED, "fixed: the finding is gone")), plan.stale());
    }

    @Test
    void repeatedFingerprintsGetNumberedMarkers() {
        Finding first = finding("TG-SECRET-001", Severity.CRITICAL, "app.env", 1, "app.env", 1, 1, null);
        Finding second = finding("TG-SECRET-001", Severity.CRITICAL, "app.env", 3, "app.env", 3, 3, null);
        ReviewPlan plan = planner.plan(input(List.of(second, first), Set.of(), Map.of("app.env", Set.of(1, 3)),
                TollgateConfig.defaults(), List.of(), Map.of()));
        assertEquals(List.of("TG-SECRET-001:app.env:app.env", "TG-SECRET-001:app.env:app.env#2"),
                plan.comments().stream().map(ReviewPlan.InlineComment::key).toList());
        assertEquals(List.of(1, 3), plan.comments().stream().map(ReviewPlan.InlineComment::line).toList());
    }

    @Test
    void inlineCommentsAreCappedAndTheRestAreListed() {
        List<Finding> many = new ArrayList<>();
        IntStream.rangeClosed(1, 60).forEach(i -> many.add(finding("TG-X-" + i, i <= 5 ? Severity.LOW : Severity.HIGH,
                "main.tf", i, "r." + i, i, i, null)));
        Set<Integer> all = new java.util.HashSet<>(IntStream.rangeClosed(1, 60).boxed().toList());
        ReviewPlan plan = plan(many, Set.of(), all);
        assertEquals(Planner.MAX_INLINE_COMMENTS, plan.comments().size());
        assertTrue(plan.comments().stream().allMatch(c -> c.line() > 5 || c.line() <= 0), "high first");
        assertEquals(60, plan.blockingCount());
        assertTrue(plan.summary().contains("not commented inline: over the limit of 50 comments per review"));
    }

    @Test
    void hugeReviewsStayWithinLimits() {
        List<Finding> many = new ArrayList<>();
        IntStream.rangeClosed(1, 5_000).forEach(i -> many.add(finding("TG-X-" + i, Severity.CRITICAL,
                "dir/" + "d".repeat(200) + i + ".tf", 1, "r" + "x".repeat(300), 1, 1, null)));
        ReviewPlan plan = plan(many, Set.of(), Set.of());
        assertTrue(plan.summary().length() <= CommentRenderer.MAX_BODY, "summary " + plan.summary().length());
        assertTrue(plan.summary().contains("… and 4950 more not listed here"), "counted what was left out");
        assertTrue(plan.statusDescription().length() <= 140);
        assertEquals("5000 new findings block this change (5000 critical)", plan.statusDescription());
        assertEquals(Planner.MAX_ANNOTATIONS, plan.annotations().size());
        assertFalse(plan.summary().contains("<br>null"));
    }
}
