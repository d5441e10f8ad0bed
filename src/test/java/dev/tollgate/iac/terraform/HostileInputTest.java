package dev.tollgate.iac.terraform;

import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Unknown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static dev.tollgate.iac.terraform.TerraformFixtures.eval;
import static dev.tollgate.iac.terraform.TerraformFixtures.read;
import static dev.tollgate.iac.terraform.TerraformFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs built to exhaust time, memory or stack end as unknown values or scan errors, quickly. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HostileInputTest {

    @Test
    void exponentialLocalsAreCappedAndUnknown() {
        StringBuilder locals = new StringBuilder("locals {\n  l0 = [\"xxxxxxxxxxxxxxxx\"]\n");
        for (int i = 1; i <= 40; i++) {
            locals.append("  l").append(i).append(" = concat(local.l").append(i - 1).append(", local.l")
                    .append(i - 1).append(")\n");
        }
        locals.append("  s0 = \"xxxxxxxxxxxxxxxx\"\n");
        for (int i = 1; i <= 40; i++) {
            locals.append("  s").append(i).append(" = \"${local.s").append(i - 1).append("}${local.s")
                    .append(i - 1).append("}\"\n");
        }
        locals.append("}\n");
        assertEquals(Unknown.VALUE, eval("local.l40", locals.toString()));
        assertEquals(Unknown.VALUE, eval("local.s40", locals.toString()));
        assertEquals(Unknown.VALUE, eval("length(local.l40)", locals.toString()));
    }

    @Test
    void hugeRangesAndNestedLoopsStopAtTheBudget() {
        assertEquals(Unknown.VALUE, eval("range(100000000)"));
        ParsedFiles parsed = read("main.tf", "resource \"t\" \"r\" {\n"
                + "  v = [for a in range(10000) : [for b in range(10000) : [for c in range(10000) : a + b + c]]]\n"
                + "  ok = \"still here\"\n}\n");
        assertEquals(Unknown.VALUE, resource(parsed, "t.r").attributes().get("v"));
        assertTrue(parsed.errors().stream().anyMatch(e -> e.message().contains("steps")), parsed.errors().toString());
    }

    @Test
    void manyCostlyRegexCallsShareOneModuleBudget() {
        // each call stays under the per-call limit and fails alone; together they would take minutes
        StringBuilder tf = new StringBuilder("resource \"t\" \"r\" {\n  ok = \"still here\"\n");
        String input = "x".repeat(4000);
        for (int i = 0; i < 300; i++) {
            tf.append("  v").append(i).append(" = regexall(\"(x+x+)+y\", \"").append(input).append("\")\n");
        }
        ParsedFiles parsed = assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> read("main.tf", tf.append("}\n").toString()));
        assertEquals("still here", resource(parsed, "t.r").attributes().get("ok"));
        assertEquals(Unknown.VALUE, resource(parsed, "t.r").attributes().get("v299"));
        assertTrue(parsed.errors().stream().anyMatch(e -> e.message().contains("work budget")),
                parsed.errors().toString());
    }

    @Test
    void catastrophicRegexFailsFast() {
        String input = "a".repeat(5000) + "!";
        assertEquals(Unknown.VALUE, eval("regex(\"^(a+)+$\", \"" + input + "\")"));
        Object replaced = eval("replace(\"" + input + "\", \"/(a|aa)+$/\", \"x\")");
        assertTrue(replaced == Unknown.VALUE || replaced.equals(input), "either given up on or correctly unmatched");
    }

    @Test
    void hugeCountIsCappedWithAnError() {
        ParsedFiles parsed = read("main.tf", "resource \"t\" \"many\" {\n  count = 1000000000\n  a = count.index\n}\n");
        assertEquals(1, parsed.resources().size());
        assertEquals("t.many", parsed.resources().get(0).address());
        assertEquals(Unknown.VALUE, parsed.resources().get(0).attributes().get("a"));
        assertEquals(1, parsed.errors().size());
        assertEquals(1, parsed.errors().get(0).line());
    }

    @Test
    void theInstanceCapIsPerModule() {
        ParsedFiles parsed = read("main.tf", "resource \"t\" \"a\" {\n  count = 6000\n}\n"
                + "resource \"t\" \"b\" {\n  count = 6000\n  i = count.index\n}\n",
                "other/main.tf", "resource \"t\" \"c\" {\n  count = 6000\n}\n");
        assertEquals(6000 + 1 + 6000, parsed.resources().size());
        assertEquals(Unknown.VALUE, resource(parsed, "t.b").attributes().get("i"));
        assertEquals(1, parsed.errors().size());
        assertEquals(4, parsed.errors().get(0).line());
    }

    @Test
    void longLocalChainsAndResourceCyclesDoNotOverflowTheStack() {
        StringBuilder chain = new StringBuilder("locals {\n  c0 = 1\n");
        for (int i = 1; i <= 3000; i++) {
            chain.append("  c").append(i).append(" = local.c").append(i - 1).append(" + 1\n");
        }
        chain.append("}\n");
        ParsedFiles parsed = read("main.tf", chain + "resource \"t\" \"r\" {\n  v = local.c3000\n}\n"
                + "resource \"t\" \"a\" {\n  x = t.b.x\n}\nresource \"t\" \"b\" {\n  x = t.a.x\n}\n");
        assertEquals(Unknown.VALUE, resource(parsed, "t.r").attributes().get("v"));
        assertEquals(Unknown.VALUE, resource(parsed, "t.a").attributes().get("x"));
        assertEquals(3, parsed.resources().size());
    }

    @Test
    void deeplyNestedExpressionsAreUnknownNotACrash() {
        String nested = "[".repeat(150) + "1" + "]".repeat(150);
        ParsedFiles parsed = read("main.tf", "locals {\n  d = " + nested + "\n}\nresource \"t\" \"r\" {\n"
                + "  v = jsonencode(flatten(local.d))\n}\n");
        assertEquals("[1]", resource(parsed, "t.r").attributes().get("v"));
    }

    @Test
    void binaryGarbageIsAnErrorForThatFileOnly() {
        ParsedFiles parsed = read("junk.tf", "\u0000\u0001{{{{\"\"\"resource ${", "ok.tf", "resource \"t\" \"ok\" {}\n");
        assertEquals(1, parsed.resources().size());
        assertTrue(parsed.errors().stream().allMatch(e -> e.file().equals("junk.tf")));
        assertTrue(!parsed.errors().isEmpty());
    }
}
