package dev.tollgate.policy;

import java.util.List;
import java.util.Map;

/**
 * One control, loaded from {@code rules/<provider>/<service>/<ID>.yaml}; one id across every IaC format it
 * has a target for.
 *
 * @param source   where it was loaded from (for error messages and {@code rules list})
 * @param examples the pass/fail example files beside the rule
 */
public record Rule(
        String id,
        String title,
        Severity severity,
        String category,
        String description,
        String remediation,
        Map<String, List<String>> frameworks,
        Map<String, List<String>> equivalents,
        List<RuleTarget> targets,
        String source,
        List<RuleExample> examples) {
}
