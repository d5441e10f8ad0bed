package dev.tollgate.review;

import dev.tollgate.iac.SourceFile;
import dev.tollgate.forge.BotComment;
import dev.tollgate.forge.ChangedFile;
import dev.tollgate.forge.InlineComment;
import dev.tollgate.forge.ReviewDraft;
import dev.tollgate.forge.StatusReport;
import dev.tollgate.forge.github.fake.LineDiff;
import dev.tollgate.policy.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stands in for {@code dev.tollgate.plan.Planner} until the plan branch is merged: new findings (absent at
 * the base) on commentable lines become inline comments once (by marker); any new finding fails the status.
 */
final class StandInPlanner implements ReviewPlanner<String> {

    @Override
    public String readConfig(String yaml) {
        if (yaml != null && yaml.contains("invalid")) {
            throw new IllegalArgumentException(".tollgate.yml: invalid setting");
        }
        return yaml == null ? "" : yaml;
    }

    @Override
    public int maxExceptionDays(String config) {
        return 90;
    }

    @Override
    public PlannedReview plan(String config, ScanReport head, ScanReport base, List<ChangedFile> changedFiles,
                              List<BotComment> existing, List<SourceFile> headFiles) {
        Set<String> atBase = base.findings().stream().map(Finding::fingerprint).collect(Collectors.toSet());
        List<Finding> introduced = head.findings().stream().filter(f -> !atBase.contains(f.fingerprint())).toList();
        List<InlineComment> comments = new ArrayList<>();
        List<StatusReport.Annotation> annotations = new ArrayList<>();
        for (Finding f : introduced) {
            String marker = ReviewService.MARKER_PREFIX + f.fingerprint() + " -->";
            annotations.add(new StatusReport.Annotation(f.file(), f.startLine(), f.endLine(),
                    StatusReport.Annotation.Level.FAILURE, f.ruleId(), f.message()));
            boolean commented = existing.stream().anyMatch(c -> c.body().contains(marker));
            boolean onDiff = changedFiles.stream().anyMatch(c -> c.path().equals(f.file())
                    && LineDiff.commentableRightLines(c.patch()).contains(f.startLine()));
            if (!commented && onDiff) {
                comments.add(new InlineComment(f.file(), f.startLine(), marker + "\n**" + f.ruleId() + "** " + f.message()));
            }
        }
        String title = introduced.isEmpty() ? "no new findings" : introduced.size() + " new findings";
        String body = introduced.isEmpty() ? "" : ReviewService.MARKER_PREFIX + "summary -->\nTollgate: " + title;
        StatusReport status = new StatusReport(introduced.isEmpty() ? StatusReport.Conclusion.SUCCESS
                : StatusReport.Conclusion.FAILURE, title, body, annotations);
        return new PlannedReview(new ReviewDraft(body, comments), status);
    }
}
