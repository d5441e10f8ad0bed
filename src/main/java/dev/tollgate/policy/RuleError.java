package dev.tollgate.policy;

/** A rule that could not be evaluated on a resource (no finding was reported for it). */
public record RuleError(String ruleId, String file, String resource, String message) {
}
