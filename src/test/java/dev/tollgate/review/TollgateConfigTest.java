package dev.tollgate.review;

import dev.tollgate.policy.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TollgateConfigTest {

    @Test
    void fullValidConfigIsRead() {
        TollgateConfig config = TollgateConfig.parse("""
                block: all
                severity_threshold: High
                exceptions:
                  max_days: 30
                disable: [tg-aws-s3-002, TG-K8S-001]
                paths:
                  ignore:
                    - "examples/**"
                    - "*.md"
                    - legacy/
                """);
        assertEquals(TollgateConfig.BlockMode.ALL, config.block());
        assertEquals(Severity.HIGH, config.severityThreshold());
        assertEquals(30, config.maxExceptionDays());
        assertTrue(config.isDisabled("TG-AWS-S3-002"));
        assertFalse(config.isDisabled("TG-AWS-S3-001"));
        assertTrue(config.isIgnored("examples/basic/main.tf"));
        assertTrue(config.isIgnored("docs/README.md"));
        assertTrue(config.isIgnored("legacy/a/b.tf"));
        assertFalse(config.isIgnored("modules/examples.tf"));
        assertTrue(config.canBlock(Severity.CRITICAL));
        assertTrue(config.canBlock(Severity.HIGH));
        assertFalse(config.canBlock(Severity.MEDIUM));
        assertEquals(0, config.warnings().size(), config.warnings().toString());
    }

    @Test
    void absentOrEmptyConfigGivesStrictDefaultsSilently() {
        for (String text : new String[] {null, "", "  \n", "# only a comment\n"}) {
            TollgateConfig config = TollgateConfig.parse(text);
            assertEquals(TollgateConfig.defaults(), config);
        }
        TollgateConfig defaults = TollgateConfig.defaults();
        assertEquals(TollgateConfig.BlockMode.NEW, defaults.block());
        assertEquals(90, defaults.maxExceptionDays());
        assertTrue(defaults.canBlock(Severity.LOW));
    }

    @Test
    void eachInvalidSettingFallsBackToItsDefaultWithAWarning() {
        TollgateConfig config = TollgateConfig.parse("""
                block: everything
                severity_threshold: catastrophic
                exceptions: {max_days: 100000}
                disable: ["TG OK?", TG-GOOD-1]
                paths: {ignore: ["", "a/**"], exclude: [x]}
                colour: blue
                """);
        assertEquals(TollgateConfig.BlockMode.NEW, config.block());
        assertEquals(Severity.LOW, config.severityThreshold());
        assertEquals(90, config.maxExceptionDays());
        assertTrue(config.isDisabled("TG-GOOD-1"));
        assertTrue(config.isIgnored("a/b.tf"));
        assertEquals(7, config.warnings().size(), config.warnings().toString());
        assertTrue(config.warnings().contains(".tollgate.yml: block: everything is not new or all; using new"));
        assertTrue(config.warnings().contains(".tollgate.yml: exceptions.max_days: 100000 must be a whole number "
                + "from 1 to 365; using 90"));
        assertTrue(config.warnings().stream().anyMatch(w -> w.contains("unknown setting colour")));
    }

    @Test
    void brokenYamlNeverCrashesAndSaysSo() {
        for (String text : new String[] {"block: [unclosed", "- just\n- a list\n", "a: 1\na: 2\n", "block: new\n---\nblock: all\n"}) {
            TollgateConfig config = TollgateConfig.parse(text);
            assertEquals(TollgateConfig.BlockMode.NEW, config.block(), text);
            assertEquals(1, config.warnings().size(), text);
            assertTrue(config.warnings().get(0).startsWith(".tollgate.yml: ignored .tollgate.yml because "), text);
        }
    }

    @Test
    void hostileConfigsAreRefusedQuickly() {
        String billionLaughs = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e]\n";
        String deep = "block: " + "[".repeat(10_000) + "]".repeat(10_000);
        String huge = "disable:\n" + "  - TG-X\n".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String text : new String[] {billionLaughs, deep, huge}) {
                TollgateConfig config = TollgateConfig.parse(text);
                assertEquals(1, config.warnings().size(), config.warnings().toString());
                assertTrue(config.disabledRules().isEmpty());
            }
        });
    }
}
