package dev.tollgate.policy;

import dev.tollgate.iac.IacReaders;
import dev.tollgate.iac.terraform.TerraformReader;
import org.junit.jupiter.api.Test;

import dev.tollgate.iac.SourceFile;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every built-in rule's pass/fail examples, read by the real Terraform reader. */
class RuleExamplesTest {

    @Test
    void everyExampleBehavesAsItsNameSays() {
        TerraformAvailable.assume();
        List<RuleTester.Result> results = new RuleTester(IacReaders.all())
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

    @Test
    void findingsPointAtTheOffendingBlockAndCarryTheOneLineFix() {
        TerraformAvailable.assume();
        String tf = """
                resource "aws_security_group" "web" {
                  ingress {
                    from_port   = 443
                    to_port     = 443
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                  ingress {
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }

                resource "aws_kms_key" "k" {
                  enable_key_rotation = false
                }
                """;
        SourceFile file = new SourceFile("main.tf", tf);
        List<Finding> findings = PolicyEngine.builtIn().evaluate(
                new TerraformReader().read(List.of(file)).resources(), List.of());
        Finding ssh = findings.stream().filter(f -> f.ruleId().equals("TG-AWS-EC2-001")).findFirst().orElseThrow();
        assertEquals(12, ssh.startLine());
        assertEquals(1, ssh.resourceStartLine());
        assertEquals(14, ssh.resourceEndLine());
        Finding kms = findings.stream().filter(f -> f.ruleId().equals("TG-AWS-KMS-001")).findFirst().orElseThrow();
        assertEquals(17, kms.startLine());
        assertEquals("enable_key_rotation = true", kms.suggestion());
    }
}
