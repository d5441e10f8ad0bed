package dev.tollgate.policy;

import dev.tollgate.policy.cel.CompiledCondition;

import java.util.List;

/**
 * How one rule applies to one IaC format. A resource target names {@code types} and a {@code condition}
 * (CEL, true = violation); a secret target names detector kinds instead and applies to every file.
 *
 * @param format     {@code terraform}, {@code cloudformation}, ... or {@code any} for secret targets
 * @param types      resource types the condition applies to
 * @param condition  compiled condition; null for secret targets
 * @param at         attribute paths where a finding points, first existing wins (relative to the element under
 *                   {@code each})
 * @param each       a repeated attribute whose elements are checked one by one as {@code it}, or null
 * @param message    per-finding message template ({@code {{ cel }}} placeholders), or null for the title
 * @param suggestion one-line replacement for the pointed line, or null
 * @param secretKinds detector kinds this secret target reports, empty for resource targets
 * @param remediation how to fix it in this format, or null to use the rule's
 */
public record RuleTarget(
        String format,
        List<String> types,
        CompiledCondition condition,
        List<String> at,
        String each,
        MessageTemplate message,
        MessageTemplate suggestion,
        List<String> secretKinds,
        String remediation) {

    public boolean isSecret() {
        return !secretKinds.isEmpty();
    }

    /** This target's remediation when it has one, else the rule's (written for the rule's first format). */
    public String remediationOr(String ruleRemediation) {
        return remediation == null ? ruleRemediation : remediation;
    }

    public boolean appliesTo(String resourceFormat, String resourceType) {
        return !isSecret() && format.equals(resourceFormat) && types.contains(resourceType);
    }
}
