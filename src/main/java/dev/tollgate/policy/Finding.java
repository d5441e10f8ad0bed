package dev.tollgate.policy;

import java.util.List;
import java.util.Map;

/**
 * A rule that fails on a resource (or a secret found in a file), at a place in a file.
 *
 * @param ruleId       e.g. {@code TG-AWS-S3-001}
 * @param title        the rule's title, one line
 * @param description  why it matters, a sentence or two
 * @param remediation  how to fix it
 * @param file         path relative to the scanned root, forward slashes
 * @param startLine    the line the finding points at: the offending attribute, else the resource's first line
 * @param endLine      last line of the pointed-at range (same as startLine for one attribute line)
 * @param resource     the resource address (DESIGN.md); for secrets the file path
 * @param resourceStartLine first line of the resource (where an exception annotation may sit above or inside)
 * @param resourceEndLine   last line of the resource
 * @param message      what is wrong with this resource, specific to it
 * @param suggestion   replacement text for {@code startLine} when a one-line fix exists (without indentation), else null
 * @param equivalents  other scanners' ids for the same control: {@code checkov}, {@code trivy} ...
 * @param frameworks   framework mappings: {@code nist_csf}, {@code owasp_nhi}, {@code cis} ...
 * @param status       open, excepted or invalid_exception
 * @param statusDetail for excepted: who owns the exception until when; for invalid_exception: exactly what is wrong
 */
public record Finding(
        String ruleId,
        Severity severity,
        String title,
        String description,
        String remediation,
        String file,
        int startLine,
        int endLine,
        String resource,
        int resourceStartLine,
        int resourceEndLine,
        String message,
        String suggestion,
        Map<String, List<String>> equivalents,
        Map<String, List<String>> frameworks,
        FindingStatus status,
        String statusDetail) {

    /**
     * Identity of a finding across pushes and rebases: rule, file and resource, never lines or SHAs
     * (DESIGN.md: the hidden comment marker carries it).
     */
    public String fingerprint() {
        return ruleId + ":" + file + ":" + resource;
    }

    public Finding withStatus(FindingStatus newStatus, String detail) {
        return new Finding(ruleId, severity, title, description, remediation, file, startLine, endLine, resource,
                resourceStartLine, resourceEndLine, message, suggestion, equivalents, frameworks, newStatus, detail);
    }

    /** Whether this finding can fail the status: open, or waived by an exception that is not valid. */
    public boolean isActive() {
        return status != FindingStatus.EXCEPTED;
    }
}
