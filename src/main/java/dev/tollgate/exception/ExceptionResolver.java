package dev.tollgate.exception;

import dev.tollgate.iac.DeclaredException;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.FindingStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies inline exception annotations to findings (pure). A finding becomes
 * <ul>
 *   <li>{@code EXCEPTED} when a valid {@code tollgate:exception} naming its rule sits above its resource, inside
 *       the resource, or on its line;</li>
 *   <li>{@code INVALID_EXCEPTION} when the only annotations there are invalid ones (missing owner, expiry or
 *       reason; expiry in the past or too far away) or another scanner's suppression of an equivalent check —
 *       the detail says exactly what is wrong and how to fix it;</li>
 *   <li>otherwise it keeps its status ({@code OPEN} when it had none).</li>
 * </ul>
 * {@code expires} is the last valid day: an exception expiring today still holds today.
 */
public final class ExceptionResolver {

    /** At most this many annotation problems are spelled out per finding. */
    static final int MAX_REPORTED = 3;

    private final java.util.Set<String> knownRules;

    /** Without the rule ids in use: an exception naming an id that matches no finding is simply not applied. */
    public ExceptionResolver() {
        this(null);
    }

    /** {@code knownRules}: the rule ids in use, so that an exception naming a mistyped id is reported, not ignored. */
    public ExceptionResolver(java.util.Set<String> knownRules) {
        this.knownRules = knownRules;
    }

    public List<Finding> apply(List<Finding> findings, Map<String, SourceFile> filesByPath, LocalDate today,
                               int maxDays) {
        return apply(findings, filesByPath, List.of(), today, maxDays);
    }

    /**
     * As {@link #apply(List, Map, LocalDate, int)}, with the exceptions that resources declare in their own data
     * (CloudFormation Metadata, Kubernetes annotations), judged exactly like comment annotations.
     */
    public List<Finding> apply(List<Finding> findings, Map<String, SourceFile> filesByPath,
                               List<DeclaredException> declared, LocalDate today, int maxDays) {
        Map<String, List<Annotation>> declaredByResource = new HashMap<>();
        for (DeclaredException d : declared) {
            Annotation annotation = Annotation.parseTollgate(" " + d.text(), d.line());
            declaredByResource.computeIfAbsent(d.file() + "\n" + d.resource(), k -> new ArrayList<>()).add(annotation);
        }
        Map<String, FileAnnotations> annotationsByPath = new HashMap<>();
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            SourceFile file = finding.file() == null ? null : filesByPath.get(finding.file());
            List<Annotation> near = new ArrayList<>(
                    declaredByResource.getOrDefault(finding.file() + "\n" + finding.resource(), List.of()));
            if (file != null) {
                near.addAll(annotationsByPath.computeIfAbsent(finding.file(),
                        path -> new FileAnnotations(path, file.text())).near(finding));
            }
            result.add(near.isEmpty() ? withDefaultStatus(finding) : resolve(finding, near, today, maxDays));
        }
        return result;
    }

    /**
     * Applies the register (exceptions requested by reply) to findings the annotations have already been applied to:
     * a valid entry with a finding's fingerprint waives it, also over a broken inline annotation; an entry that is no
     * longer valid (expired, or beyond a shortened window) waives nothing and is reported on the finding.
     */
    public List<Finding> applyRegister(List<Finding> findings, List<RegisteredException> register, LocalDate today,
                                       int maxDays) {
        if (register.isEmpty()) {
            return findings;
        }
        Map<String, List<RegisteredException>> byFingerprint = new HashMap<>();
        register.forEach(e -> byFingerprint.computeIfAbsent(e.fingerprint(), k -> new ArrayList<>()).add(e));
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            List<RegisteredException> entries = byFingerprint.getOrDefault(finding.fingerprint(), List.of());
            result.add(entries.isEmpty() || finding.status() == FindingStatus.EXCEPTED
                    ? withDefaultStatus(finding) : resolveRegistered(finding, entries, today, maxDays));
        }
        return result;
    }

    private static Finding resolveRegistered(Finding finding, List<RegisteredException> entries, LocalDate today,
                                             int maxDays) {
        List<String> invalid = new ArrayList<>();
        for (RegisteredException entry : entries) {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            fields.put("owner", entry.owner());
            fields.put("expires", entry.expires());
            fields.put("reason", entry.reason());
            Annotation annotation = new Annotation(Annotation.Source.TOLLGATE, List.of(entry.ruleId()), fields,
                    List.of(), 0, "");
            List<String> problems = ExceptionCheck.problems(annotation, today, maxDays);
            if (problems.isEmpty()) {
                return finding.withStatus(FindingStatus.EXCEPTED, "excepted by " + entry.owner() + " until "
                        + entry.expires() + " (requested by @" + entry.requestedBy() + " in the pull request): "
                        + entry.reason());
            }
            invalid.add("the exception requested by @" + entry.requestedBy() + " in the pull request no longer "
                    + "counts: " + String.join("; ", problems));
        }
        String detail = String.join(" | ", invalid.subList(0, Math.min(MAX_REPORTED, invalid.size())));
        if (finding.status() == FindingStatus.INVALID_EXCEPTION && finding.statusDetail() != null) {
            detail = finding.statusDetail() + " | " + detail;
        }
        return finding.withStatus(FindingStatus.INVALID_EXCEPTION, detail);
    }

    private boolean isKnown(String ruleId) {
        return knownRules.stream().anyMatch(known -> known.equalsIgnoreCase(ruleId.trim()));
    }

    private Finding resolve(Finding finding, List<Annotation> annotations, LocalDate today, int maxDays) {
        List<String> invalid = new ArrayList<>();
        for (Annotation annotation : annotations) {
            if (annotation.source() == Annotation.Source.TOLLGATE) {
                if (!annotation.ruleIds().isEmpty() && !names(annotation.ruleIds(), finding.ruleId())) {
                    if (knownRules != null && annotation.ruleIds().stream().noneMatch(this::isKnown)) {
                        invalid.add("the exception at " + finding.file() + ":" + annotation.line() + " names "
                                + String.join(", ", annotation.ruleIds()) + ", which is not a Tollgate rule id;"
                                + " this finding is " + finding.ruleId());
                    }
                    continue; // an exception for another rule
                }
                List<String> problems = ExceptionCheck.problems(annotation, today, maxDays);
                if (problems.isEmpty()) {
                    return finding.withStatus(FindingStatus.EXCEPTED, exceptedDetail(annotation));
                }
                invalid.add("exception for " + finding.ruleId() + " at " + finding.file() + ":" + annotation.line()
                        + " is invalid: " + String.join("; ", problems));
            } else if (appliesForeign(annotation, finding)) {
                invalid.add(foreignDetail(annotation, finding, today, maxDays));
            }
        }
        if (invalid.isEmpty() || finding.status() == FindingStatus.EXCEPTED) {
            return withDefaultStatus(finding); // an exception from the register outranks a broken inline one
        }
        String detail = String.join(" | ", invalid.subList(0, Math.min(MAX_REPORTED, invalid.size())));
        if (invalid.size() > MAX_REPORTED) {
            detail += " | and " + (invalid.size() - MAX_REPORTED) + " more invalid exception(s)";
        }
        return finding.withStatus(FindingStatus.INVALID_EXCEPTION, detail);
    }

    private static String exceptedDetail(Annotation annotation) {
        Map<String, String> fields = annotation.fields();
        return "excepted by " + fields.get("owner") + " until " + fields.get("expires") + ": " + fields.get("reason");
    }

    private static String foreignDetail(Annotation annotation, Finding finding, LocalDate today, int maxDays) {
        return annotation.text() + " at " + finding.file() + ":" + annotation.line() + " does not waive "
                + finding.ruleId() + ": other scanners' suppressions have no owner or expiry; replace it with "
                + "# tollgate:exception " + finding.ruleId() + " owner=@your-team expires="
                + ExceptionCheck.suggestedExpiry(today, maxDays) + " reason=\"why this is acceptable\"";
    }

    private static boolean appliesForeign(Annotation annotation, Finding finding) {
        Map<String, List<String>> equivalents = finding.equivalents() == null ? Map.of() : finding.equivalents();
        return switch (annotation.source()) {
            case KICS -> true;
            case CHECKOV -> anyNamed(annotation.ruleIds(), equivalents.get("checkov"));
            // trivy accepts both its AVD ids and the tfsec-style long ids it inherited
            case TRIVY, TFSEC -> anyNamed(annotation.ruleIds(), equivalents.get("trivy"))
                    || anyNamed(annotation.ruleIds(), equivalents.get("tfsec"));
            case TOLLGATE -> false;
        };
    }

    private static boolean anyNamed(List<String> ids, List<String> equivalentIds) {
        if (equivalentIds == null) {
            return false;
        }
        return equivalentIds.stream().anyMatch(id -> names(ids, id));
    }

    private static boolean names(List<String> ids, String id) {
        String wanted = id.toUpperCase(Locale.ROOT);
        return ids.stream().anyMatch(candidate -> candidate.toUpperCase(Locale.ROOT).equals(wanted));
    }

    private static Finding withDefaultStatus(Finding finding) {
        return finding.status() == null ? finding.withStatus(FindingStatus.OPEN, null) : finding;
    }
}
