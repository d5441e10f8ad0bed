package dev.tollgate.policy;

import java.util.List;

/**
 * Everything one evaluation produced.
 *
 * @param findings   open findings
 * @param ruleErrors conditions that failed to evaluate on a resource, and secret detector failures
 * @param unknown    verdicts withheld because the condition read a value that is not known statically
 */
public record PolicyResult(List<Finding> findings, List<RuleError> ruleErrors, List<Withheld> unknown) {

    /** A violation that was not reported because it depends on an unknown value. */
    public record Withheld(String ruleId, String file, String resource) {
    }
}
