package dev.tollgate.iac.hcl;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HclParserLimitsTest {
    private final HclParser parser = new HclParser();

    @Test
    void oversizedFileIsRefusedWithOneErrorAndFast() {
        String huge = "a = \"" + "x".repeat(20 * 1024 * 1024) + "\"\n";
        HclFile f = assertTimeoutPreemptively(Duration.ofMillis(500), () -> parser.parse("big.tf", huge));
        assertEquals(1, f.errors().size());
        assertTrue(f.errors().get(0).message().startsWith("File too large"), f.errors().get(0).message());
        assertTrue(f.body().attributes().isEmpty());
    }

    @Test
    void fourMegabyteValidFileParsesQuickly() {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (sb.length() < 4_000_000) {
            sb.append("resource \"aws_s3_bucket\" \"b").append(n++).append("\" {\n")
                    .append("  bucket = \"name-${var.env}-").append(n).append("\"\n")
                    .append("  tags   = merge(local.tags, { Name = upper(\"b\"), n = ").append(n).append(" * 2 })\n")
                    .append("  list   = [for s in var.l : s if s != \"\"]\n")
                    .append("}\n");
        }
        String text = sb.toString();
        assertTrue(text.length() <= HclParser.MAX_FILE_CHARS);
        int blocks = n;
        HclFile f = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parser.parse("4mb.tf", text));
        assertEquals(List.of(), f.errors());
        assertEquals(blocks, f.body().blocks().size());
    }

    @Test
    void tenThousandNestedBracketsGiveADepthErrorOnTheLineWhereTheLimitIsCrossed() {
        StringBuilder sb = new StringBuilder("ok = 1\nx = ");
        for (int i = 0; i < 10_000; i++) {
            sb.append("[\n");
        }
        HclFile f = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parser.parse("deep.tf", sb.toString()));
        assertEquals(1, f.errors().size());
        HclError e = f.errors().get(0);
        assertTrue(e.message().startsWith("Nesting too deep"), e.message());
        // line 2 holds the first "[", line 2 + k the (k+1)-th: the first one over the limit is on line 2 + MAX_DEPTH
        assertEquals(2 + HclParser.MAX_DEPTH, e.pos().line());
        assertEquals(1, e.pos().column());
        assertEquals("ok", f.body().attributes().get(0).name());
    }

    @Test
    void deepNestingOfEveryKindIsBoundedWithoutStackOverflow() {
        int n = 100_000;
        List<String> inputs = List.of(
                "x = " + "-".repeat(n) + "1\n",
                "x = " + "(".repeat(n) + "\n",
                "x = " + "{a = ".repeat(n) + "\n",
                "x = " + "\"${".repeat(n) + "\n",
                "a {\n".repeat(n),
                "x = " + "f(".repeat(n) + "\n",
                "x = " + "a ? b : ".repeat(n) + "c\n");
        for (String input : inputs) {
            HclFile f = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parser.parse("deep.tf", input));
            assertTrue(f.errors().stream().anyMatch(e -> e.message().startsWith("Nesting too deep")),
                    input.substring(0, 10) + ": " + f.errors());
        }
    }

    @Test
    void errorsPerFileAreCapped() {
        HclFile f = parser.parse("junk.tf", "= =\n".repeat(100_000));
        assertEquals(Parser.MAX_ERRORS + 1, f.errors().size());
        assertTrue(f.errors().get(Parser.MAX_ERRORS).message().startsWith("Too many errors"));
    }

    @Test
    void longFlatChainsStayLinear() {
        int n = 200_000;
        String text = "x = a" + ".b".repeat(n) + "\ny = 1" + " + 1".repeat(n) + "\nz = [" + "1,".repeat(n) + "]\n";
        HclFile f = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parser.parse("long.tf", text));
        assertEquals(List.of(), f.errors());
        assertEquals(n, ((Expr.ScopeTraversalExpr) f.body().attributes().get(0).expr()).traversal().size());
    }
}
