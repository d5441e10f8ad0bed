package dev.tollgate.plan;

import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.Finding;
import dev.tollgate.review.TollgateConfig;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the planner needs about one change.
 *
 * @param findings          findings at the head SHA, exceptions already applied
 * @param baseFingerprints  {@link Finding#fingerprint()} of every finding at the base SHA
 * @param changedFiles      every file the change touches (path at head), mapped to its commentable lines
 *                          ({@link DiffPatch#commentableLines()}; empty for binary or too-large diffs)
 * @param headFiles         head file texts by path, for the indentation of suggestions (may be empty)
 * @param config            the base branch's {@code .tollgate.yml}
 * @param errors            files or parts that could not be read
 * @param baseErrors        {@link #errorKey} of every error at the base SHA: an error the change introduces blocks
 *                          even in a file it did not touch (a changed variable can break a sibling's evaluation)
 * @param skipped           files deliberately not scanned
 * @param filesScanned      how many IaC files were scanned (0 with no errors means: no IaC change)
 * @param existingComments  marker key ({@link Marker#find}) of each inline comment the bot wrote earlier → its id
 * @param today             the date exception examples are written for
 */
public record PlanInput(List<Finding> findings, Set<String> baseFingerprints, Map<String, Set<Integer>> changedFiles,
                        Map<String, SourceFile> headFiles, TollgateConfig config, List<ScanError> errors,
                        Set<String> baseErrors, List<Skipped> skipped, int filesScanned,
                        Map<String, String> existingComments, LocalDate today) {

    /** Without the base's errors: only errors in changed files block. */
    public PlanInput(List<Finding> findings, Set<String> baseFingerprints, Map<String, Set<Integer>> changedFiles,
                     Map<String, SourceFile> headFiles, TollgateConfig config, List<ScanError> errors,
                     List<Skipped> skipped, int filesScanned, Map<String, String> existingComments, LocalDate today) {
        this(findings, baseFingerprints, changedFiles, headFiles, config, errors, null, skipped, filesScanned,
                existingComments, today);
    }

    /** Identity of an error across base and head: file and message, not the line (the change may move it). */
    public static String errorKey(ScanError error) {
        return error.file() + "\n" + error.message();
    }

    public PlanInput {
        findings = findings == null ? List.of() : findings;
        baseFingerprints = baseFingerprints == null ? Set.of() : baseFingerprints;
        changedFiles = changedFiles == null ? Map.of() : changedFiles;
        headFiles = headFiles == null ? Map.of() : headFiles;
        config = config == null ? TollgateConfig.defaults() : config;
        errors = errors == null ? List.of() : errors;
        // a pull request's package.json or CI config is not an IaC change that went unscanned
        skipped = skipped == null ? List.of() : skipped.stream().filter(s -> !s.isNotIac()).toList();
        existingComments = existingComments == null ? Map.of() : existingComments;
        java.util.Objects.requireNonNull(today, "today");
    }
}
