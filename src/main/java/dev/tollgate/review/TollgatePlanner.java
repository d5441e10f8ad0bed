package dev.tollgate.review;

import dev.tollgate.forge.BotComment;
import dev.tollgate.forge.ChangedFile;
import dev.tollgate.forge.InlineComment;
import dev.tollgate.forge.ReviewDraft;
import dev.tollgate.forge.StatusReport;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.plan.DiffPatch;
import dev.tollgate.plan.Marker;
import dev.tollgate.plan.PlanInput;
import dev.tollgate.plan.Planner;
import dev.tollgate.plan.ResolutionNote;
import dev.tollgate.plan.ReviewPlan;
import dev.tollgate.policy.Finding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The review service's planner: the base branch's {@code .tollgate.yml}, the pure {@link Planner}, and the
 * translation of its plan into what a forge posts.
 */
public final class TollgatePlanner {
    private final Planner planner = new Planner();
    private final Clock clock;

    public TollgatePlanner(Clock clock) {
        this.clock = clock;
    }

    /** A missing file means the defaults; a broken one means the defaults plus warnings in the summary. */
    public TollgateConfig readConfig(String yaml) {
        return yaml == null ? TollgateConfig.defaults() : TollgateConfig.parse(yaml);
    }

    public int maxExceptionDays(TollgateConfig config) {
        return config.maxExceptionDays();
    }

    /**
     * @param changedFiles the pull request's changed IaC files, with their patches (which lines can take comments)
     * @param existing     the bot's earlier comments on this pull request (by marker)
     * @param headFiles    the files scanned at the head commit (suggestions keep the original line's indentation)
     * @param headSha      the commit reviewed, named in the replies to threads whose finding it resolved
     */
    public PlannedReview plan(TollgateConfig config, ScanReport head, ScanReport base, List<ChangedFile> changedFiles,
                              List<BotComment> existing, List<SourceFile> headFiles, String headSha) {
        Map<String, Set<Integer>> commentable = new LinkedHashMap<>();
        for (ChangedFile file : changedFiles) {
            if (file.existsAtHead()) {
                commentable.put(file.path(), DiffPatch.parse(file.patch()).commentableLines());
            }
        }
        Set<String> baseFingerprints = base.findings().stream().map(Finding::fingerprint).collect(Collectors.toSet());
        Map<String, SourceFile> files = new LinkedHashMap<>();
        headFiles.forEach(f -> files.put(f.path(), f));
        ReviewPlan plan = planner.plan(new PlanInput(relevant(head.findings(), commentable, baseFingerprints),
                baseFingerprints, commentable, files, config, head.errors(),
                base.errors().stream().map(PlanInput::errorKey).collect(Collectors.toSet()), head.skipped(),
                head.filesScanned(),
                earlierInlineComments(existing), LocalDate.now(clock)));
        return new PlannedReview(draft(plan), resolutionReplies(plan.stale(), existing, headSha), status(plan));
    }

    /**
     * Findings of the touched files, and new findings anywhere in their modules (a changed variable can open a
     * security group defined in an untouched sibling file). Old findings of untouched files are not this change's.
     */
    private static List<Finding> relevant(List<Finding> findings, Map<String, Set<Integer>> changed,
                                          Set<String> baseFingerprints) {
        return findings.stream()
                .filter(f -> changed.containsKey(f.file()) || !baseFingerprints.contains(f.fingerprint()))
                .toList();
    }

    private static Map<String, String> earlierInlineComments(List<BotComment> existing) {
        Map<String, String> byKey = new HashMap<>();
        for (BotComment comment : existing) {
            if (comment.kind() == BotComment.Kind.INLINE && !comment.isReply()) {
                Marker.findAll(comment.body()).forEach(key -> byKey.putIfAbsent(key, Long.toString(comment.id())));
            }
        }
        return byKey;
    }

    /**
     * One reply per thread with stale findings, naming those not already answered there: a thread that stays
     * resolved push after push is told once.
     */
    static List<PlannedReview.Reply> resolutionReplies(List<ReviewPlan.StaleComment> stale, List<BotComment> existing,
                                                       String headSha) {
        Map<Long, Set<String>> answered = new HashMap<>();
        for (BotComment comment : existing) {
            if (comment.kind() == BotComment.Kind.INLINE && comment.isReply()) {
                answered.computeIfAbsent(comment.inReplyTo(), k -> new java.util.HashSet<>())
                        .addAll(Marker.findResolved(comment.body()));
            }
        }
        Map<Long, List<ReviewPlan.StaleComment>> byThread = new LinkedHashMap<>();
        for (ReviewPlan.StaleComment s : stale) {
            long thread = Long.parseLong(s.commentId());
            if (!answered.getOrDefault(thread, Set.of()).contains(s.key())) {
                byThread.computeIfAbsent(thread, k -> new ArrayList<>()).add(s);
            }
        }
        List<PlannedReview.Reply> replies = new ArrayList<>();
        byThread.forEach((thread, findings) ->
                replies.add(new PlannedReview.Reply(thread, ResolutionNote.render(findings, headSha))));
        return replies;
    }

    /** Longest body of one grouped comment; GitHub refuses bodies over 65,536 characters. */
    static final int MAX_GROUPED_BODY = 60_000;

    private static ReviewDraft draft(ReviewPlan plan) {
        return new ReviewDraft(plan.summary(), groupedByLine(plan.comments()));
    }

    /**
     * One comment per line: several findings on the same line (a bucket missing versioning, logging and a public
     * access block) read as one thread, each section keeping its own marker.
     */
    static List<InlineComment> groupedByLine(List<ReviewPlan.InlineComment> comments) {
        Map<String, List<ReviewPlan.InlineComment>> byPlace = new LinkedHashMap<>();
        comments.forEach(c -> byPlace.computeIfAbsent(c.path() + "\n" + c.line(), k -> new ArrayList<>()).add(c));
        List<InlineComment> out = new ArrayList<>();
        for (List<ReviewPlan.InlineComment> group : byPlace.values()) {
            StringBuilder body = new StringBuilder();
            for (ReviewPlan.InlineComment c : group) {
                if (body.length() > 0 && body.length() + c.body().length() + 9 > MAX_GROUPED_BODY) {
                    out.add(new InlineComment(c.path(), c.line(), body.toString()));
                    body.setLength(0);
                }
                body.append(body.length() == 0 ? "" : "\n\n---\n\n").append(c.body());
            }
            out.add(new InlineComment(group.get(0).path(), group.get(0).line(), body.toString()));
        }
        return out;
    }

    private static StatusReport status(ReviewPlan plan) {
        StatusReport.Conclusion conclusion = plan.conclusion() == ReviewPlan.Conclusion.FAILURE
                ? StatusReport.Conclusion.FAILURE : StatusReport.Conclusion.SUCCESS;
        List<StatusReport.Annotation> annotations = plan.annotations().stream()
                .map(a -> new StatusReport.Annotation(a.path(), a.startLine(), a.endLine(),
                        StatusReport.Annotation.Level.valueOf(a.level().name()), a.title(), a.message()))
                .toList();
        return new StatusReport(conclusion, plan.statusDescription(), plan.summary(), annotations);
    }
}
