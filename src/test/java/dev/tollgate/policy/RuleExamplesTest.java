package dev.tollgate.policy;

import dev.tollgate.iac.terraform.TerraformReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every built-in rule's pass/fail examples, read by the real Terraform reader. */
class RuleExamplesTest {

    @Test
    void everyExampleBehavesAsItsNameSays() {
        TerraformAvailable.assume();
        List<RuleTester.Result> results = new RuleTester(List.of(new TerraformReader()))
                .test(RuleLoader.builtIn());
        List<RuleTester.Result> failed = results.stream()
                .filter(r -> r.outcome() == RuleTester.Outcome.FAILED).toList();
        long passed = results.stream().filter(r -> r.outcome() == RuleTester.Outcome.PASSED).count();
        long skipped = results.stream().filter(r -> r.outcome() == RuleTester.Outcome.SKIPPED).count();
        System.out.printf("rule examples: %d passed, %d failed, %d skipped%n", passed, failed.size(), skipped);
        failed.forEach(r -> System.out.println("  FAILED " + r.ruleId() + " " + r.example() + ": " + r.detail()));
        assertTrue(failed.isEmpty(), failed.size() + " examples misbehave: " + failed);
        assertTrue(results.stream().filter(r -> r.outcome() == RuleTester.Outcome.SKIPPED)
                        .allMatch(r -> r.ruleId().startsWith("TG-SECRET-")),
                "only secret rules may be skipped (while the detector is a stub)");
    }
}
