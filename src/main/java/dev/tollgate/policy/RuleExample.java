package dev.tollgate.policy;

import dev.tollgate.iac.SourceFile;

/** An example file beside a rule: {@code pass*} files must give no finding of the rule, {@code fail*} at least one. */
public record RuleExample(SourceFile file, boolean shouldFail) {
}
