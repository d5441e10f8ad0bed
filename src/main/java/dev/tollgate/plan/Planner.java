package dev.tollgate.plan;

import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.FindingStatus;
import dev.tollgate.policy.Severity;
import dev.tollgate.review.TollgateConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns findings, the diff and the bot's earlier comments into a {@link ReviewPlan} (pure).
 *
 * <ul>
 *   <li>New findings (fingerprint absent at the base) are commented inline when their line is in the diff,
 *       else listed in the summary; they block when their severity reaches the threshold.</li>
 *   <li>Existing findings are listed in the summary, never inline; they block only with {@code block: all}.</li>
 *   <li>Excepted findings are listed with who excepted them until when; they never block.</li>
 *   <li>An invalid exception blocks (at or above the threshold) even on an existing finding: an expired or
 *       ownerless waiver must be fixed, and the comment says exactly how.</li>
 *   <li>A changed file that could not be read blocks: an unreadable file is never a silent pass. Errors in
 *       unchanged module siblings are listed without blocking.</li>
 * </ul>
 */
public final class Planner {

    public static final int MAX_INLINE_COMMENTS = 50;
    public static final int MAX_ANNOTATIONS = 500;
    static final int MAX_STATUS = 140;

    public ReviewPlan plan(PlanInput input) {
        TollgateConfig config = input.config() == null ? TollgateConfig.defaults() : input.config();
        Map<String, Set<Integer>> changed = input.changedFiles() == null ? Map.of() : input.changedFiles();
        Map<String, String> earlier = input.existingComments() == null ? Map.of() : input.existingComments();
        CommentRenderer renderer = new CommentRenderer(input.today(), config.maxExceptionDays());

        int disabled = 0;
        int ignored = 0;
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : input.findings()) {
            if (config.isDisabled(finding.ruleId())) {
                disabled++;
            } else if (config.isIgnored(finding.file())) {
                ignored++;
            } else {
                kept.add(finding);
            }
        }
        kept.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::startLine)
                .thenComparing(Finding::ruleId).thenComparing(Finding::resource));

        List<PlannedFinding> planned = classify(kept, input.baseFingerprints(), config);
        planned = placeInline(planned, changed);

        LineSource lines = new LineSource(input.headFiles());
        List<ReviewPlan.InlineComment> comments = new ArrayList<>();
        List<ReviewPlan.CommentUpdate> updates = new ArrayList<>();
        Set<String> inlineKeys = new HashSet<>();
        for (PlannedFinding p : planned) {
            if (p.inlineLine() == 0) {
                continue;
            }
            Finding f = p.finding();
            String original = f.suggestion() == null ? null : lines.line(f.file(), f.startLine());
            String body = renderer.inline(f, original, p.blocking(), p.key(), p.inlineLine());
            inlineKeys.add(p.key());
            String earlierId = earlier.get(p.key());
            if (earlierId != null) {
                updates.add(new ReviewPlan.CommentUpdate(earlierId, f.file(), p.inlineLine(), body, p.key()));
            } else {
                comments.add(new ReviewPlan.InlineComment(f.file(), p.inlineLine(), body, p.key()));
            }
        }
        List<ReviewPlan.StaleComment> stale = staleComments(earlier, inlineKeys, planned);

        Set<String> blockingErrorFiles = new LinkedHashSet<>();
        for (ScanError error : input.errors()) {
            boolean introduced = input.baseErrors() != null && !input.baseErrors().contains(PlanInput.errorKey(error));
            if (error.file() == null || error.file().isBlank() || changed.containsKey(error.file()) || introduced) {
                blockingErrorFiles.add(error.file() == null ? "" : error.file());
            }
        }
        List<PlannedFinding> blocking = planned.stream().filter(PlannedFinding::blocking).toList();
        int blockingCount = blocking.size() + blockingErrorFiles.size();
        ReviewPlan.Conclusion conclusion = blockingCount > 0 ? ReviewPlan.Conclusion.FAILURE
                : ReviewPlan.Conclusion.SUCCESS;
        String status = statusDescription(planned, blockingErrorFiles.size(), input, config);

        String summary = new SummaryRenderer().render(planned, new SummaryRenderer.Context(conclusion, status,
                config.severityThreshold().label(), config.block() == TollgateConfig.BlockMode.ALL, input.errors(),
                blockingErrorFiles, input.skipped(), config.warnings(), disabled, ignored));
        List<ReviewPlan.CheckAnnotation> annotations = annotations(planned, input.errors(), blockingErrorFiles);
        return new ReviewPlan(conclusion, status, summary, comments, updates, stale, annotations, blockingCount);
    }

    private static List<PlannedFinding> classify(List<Finding> findings, Set<String> base, TollgateConfig config) {
        Map<String, Integer> seen = new HashMap<>();
        List<PlannedFinding> planned = new ArrayList<>();
        for (Finding f : findings) {
            String fingerprint = f.fingerprint();
            int occurrence = seen.merge(fingerprint, 1, Integer::sum);
            String key = Marker.key(fingerprint, occurrence);
            PlannedFinding.Kind kind = f.status() == FindingStatus.EXCEPTED ? PlannedFinding.Kind.EXCEPTED
                    : base != null && base.contains(fingerprint) ? PlannedFinding.Kind.EXISTING
                    : PlannedFinding.Kind.NEW;
            boolean invalid = f.status() == FindingStatus.INVALID_EXCEPTION;
            boolean blocking = kind != PlannedFinding.Kind.EXCEPTED && config.canBlock(f.severity())
                    && (kind == PlannedFinding.Kind.NEW || invalid || config.block() == TollgateConfig.BlockMode.ALL);
            planned.add(new PlannedFinding(f, kind, blocking, key, 0, null));
        }
        return planned;
    }

    /** Picks the inline comments: new or invalid-exception findings on a diff line, blocking and severe first. */
    private static List<PlannedFinding> placeInline(List<PlannedFinding> planned, Map<String, Set<Integer>> changed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> planned.get(i).blocking() ? 0 : 1)
                .thenComparingInt(i -> planned.get(i).finding().severity().ordinal()));
        List<PlannedFinding> result = new ArrayList<>(planned);
        int placed = 0;
        for (int i : order) {
            PlannedFinding p = planned.get(i);
            boolean wanted = p.kind() == PlannedFinding.Kind.NEW
                    || (p.kind() == PlannedFinding.Kind.EXISTING && p.invalidException());
            if (!wanted) {
                continue;
            }
            int line = commentableLine(p.finding(), changed.get(p.finding().file()));
            if (line == 0) {
                result.set(i, p.notInline(changed.containsKey(p.finding().file())
                        ? "outside the diff" : "in a file this change does not touch"));
            } else if (placed >= MAX_INLINE_COMMENTS) {
                result.set(i, p.notInline("not commented inline: over the limit of " + MAX_INLINE_COMMENTS
                        + " comments per review"));
            } else {
                result.set(i, p.inline(line));
                placed++;
            }
        }
        return result;
    }

    private static int commentableLine(Finding f, Set<Integer> lines) {
        if (lines == null || lines.isEmpty()) {
            return 0;
        }
        int end = Math.max(f.startLine(), Math.min(f.endLine(), f.startLine() + 10_000));
        for (int line = Math.max(1, f.startLine()); line <= end; line++) {
            if (lines.contains(line)) {
                return line;
            }
        }
        return 0;
    }

    private static List<ReviewPlan.StaleComment> staleComments(Map<String, String> earlier, Set<String> inlineKeys,
                                                              List<PlannedFinding> planned) {
        Map<String, PlannedFinding> byKey = planned.stream()
                .collect(Collectors.toMap(PlannedFinding::key, p -> p, (a, b) -> a, LinkedHashMap::new));
        List<ReviewPlan.StaleComment> stale = new ArrayList<>();
        earlier.forEach((key, id) -> {
            if (inlineKeys.contains(key)) {
                return;
            }
            PlannedFinding p = byKey.get(key);
            ReviewPlan.StaleComment.Why why = p == null ? ReviewPlan.StaleComment.Why.FIXED
                    : p.kind() == PlannedFinding.Kind.EXCEPTED ? ReviewPlan.StaleComment.Why.EXCEPTED
                    : ReviewPlan.StaleComment.Why.OUT_OF_CHANGE;
            String reason = switch (why) {
                case FIXED -> "fixed: the finding is gone";
                case EXCEPTED -> p.finding().statusDetail();
                case OUT_OF_CHANGE -> "still present, but no longer on a line this change touches";
            };
            stale.add(new ReviewPlan.StaleComment(id, key, why, reason));
        });
        stale.sort(Comparator.comparing(ReviewPlan.StaleComment::key));
        return stale;
    }

    static String statusDescription(List<PlannedFinding> planned, int unreadableChangedFiles, PlanInput input,
                                    TollgateConfig config) {
        List<PlannedFinding> blocking = planned.stream().filter(PlannedFinding::blocking).toList();
        if (blocking.isEmpty() && unreadableChangedFiles == 0) {
            if (planned.isEmpty() && input.filesScanned() == 0 && input.errors().isEmpty() && input.skipped().isEmpty()) {
                return "no IaC changes";
            }
            long existing = planned.stream().filter(p -> p.kind() == PlannedFinding.Kind.EXISTING).count();
            long excepted = planned.stream().filter(p -> p.kind() == PlannedFinding.Kind.EXCEPTED).count();
            long quiet = planned.stream().filter(p -> p.kind() == PlannedFinding.Kind.NEW).count();
            List<String> parts = new ArrayList<>();
            if (quiet > 0) {
                parts.add(quiet + " new below " + config.severityThreshold().label());
            }
            if (existing > 0) {
                parts.add(existing + " existing");
            }
            if (excepted > 0) {
                parts.add(excepted + " excepted");
            }
            if (!input.skipped().isEmpty()) {
                parts.add(input.skipped().size() + " " + plural(input.skipped().size(), "file") + " not scanned");
            }
            String head = quiet > 0 ? "No blocking IaC findings" : "No new IaC findings";
            return bounded(parts.isEmpty() ? head : head + " (" + String.join(", ", parts) + ")");
        }
        long newOpen = blocking.stream().filter(p -> p.kind() == PlannedFinding.Kind.NEW && !p.invalidException()).count();
        long invalid = blocking.stream().filter(PlannedFinding::invalidException).count();
        long existing = blocking.size() - newOpen - invalid;
        List<String> parts = new ArrayList<>();
        if (newOpen > 0) {
            parts.add(newOpen + " new " + plural(newOpen, "finding"));
        }
        if (existing > 0) {
            parts.add(existing + " existing " + plural(existing, "finding"));
        }
        if (invalid > 0) {
            parts.add(invalid + " invalid " + plural(invalid, "exception"));
        }
        if (unreadableChangedFiles > 0) {
            parts.add(unreadableChangedFiles + " unreadable " + plural(unreadableChangedFiles, "file"));
        }
        long total = blocking.size() + unreadableChangedFiles;
        String text = joinAnd(parts) + (total == 1 ? " blocks" : " block") + " this change";
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        blocking.forEach(p -> bySeverity.merge(p.finding().severity(), 1L, Long::sum));
        if (!bySeverity.isEmpty()) {
            text += " (" + bySeverity.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                    .collect(Collectors.joining(", ")) + ")";
        }
        return bounded(text);
    }

    private static String joinAnd(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }

    private static String bounded(String text) {
        return text.length() <= MAX_STATUS ? text : text.substring(0, MAX_STATUS - 1) + "…";
    }

    private static List<ReviewPlan.CheckAnnotation> annotations(List<PlannedFinding> planned, List<ScanError> errors,
                                                               Set<String> blockingErrorFiles) {
        List<ReviewPlan.CheckAnnotation> annotations = new ArrayList<>();
        for (ScanError error : errors) {
            if (error.file() != null && !error.file().isBlank()) {
                int line = Math.max(1, error.line());
                annotations.add(new ReviewPlan.CheckAnnotation(error.file(), line, line,
                        blockingErrorFiles.contains(error.file()) ? ReviewPlan.AnnotationLevel.FAILURE
                                : ReviewPlan.AnnotationLevel.WARNING,
                        "File could not be read", Markdown.truncate(error.message(), 4_000)));
            }
        }
        for (PlannedFinding p : planned) {
            Finding f = p.finding();
            ReviewPlan.AnnotationLevel level = p.blocking() ? ReviewPlan.AnnotationLevel.FAILURE
                    : p.kind() == PlannedFinding.Kind.EXCEPTED ? ReviewPlan.AnnotationLevel.NOTICE
                    : ReviewPlan.AnnotationLevel.WARNING;
            StringBuilder message = new StringBuilder(Markdown.truncate(f.message(), 4_000));
            if (f.remediation() != null && !f.remediation().isBlank()) {
                message.append("\nHow to fix: ").append(Markdown.truncate(f.remediation(), 4_000));
            }
            if (f.statusDetail() != null) {
                message.append('\n').append(Markdown.truncate(f.statusDetail(), 4_000));
            }
            if (p.kind() == PlannedFinding.Kind.EXISTING) {
                message.append("\nAlready present at the base of this change.");
            }
            int start = Math.max(1, f.startLine());
            annotations.add(new ReviewPlan.CheckAnnotation(f.file(), start, Math.max(start, f.endLine()), level,
                    Markdown.truncate(f.severity().label().toUpperCase(java.util.Locale.ROOT) + " " + f.ruleId()
                            + ": " + f.title(), 255), message.toString()));
        }
        annotations.sort(Comparator.comparingInt(a -> a.level().ordinal()));
        return annotations.size() > MAX_ANNOTATIONS ? annotations.subList(0, MAX_ANNOTATIONS) : annotations;
    }

    /** Lines of head files, split once per file and only when a suggestion needs one. */
    private static final class LineSource {
        private final Map<String, SourceFile> files;
        private final Map<String, String[]> split = new HashMap<>();

        LineSource(Map<String, SourceFile> files) {
            this.files = files == null ? Map.of() : files;
        }

        String line(String path, int line) {
            SourceFile file = files.get(path);
            if (file == null || file.text() == null || line < 1) {
                return null;
            }
            String[] lines = split.computeIfAbsent(path, p -> file.text().split("\n", -1));
            if (line > lines.length) {
                return null;
            }
            String text = lines[line - 1];
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }
}
