package dev.tollgate.iac.hcl;

import dev.tollgate.iac.hcl.Expr.TemplatePart;
import dev.tollgate.iac.hcl.Expr.Traverser;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HclParserTest {
    private final HclParser parser = new HclParser();

    private HclFile parse(String text) {
        return parser.parse("test.tf", text);
    }

    private HclFile parseClean(String text) {
        HclFile f = parse(text);
        assertEquals(List.of(), f.errors(), "unexpected errors");
        return f;
    }

    /** The expression of {@code x = <expr>} parsed alone. */
    private Expr expr(String source) {
        return parseClean("x = " + source + "\n").body().attributes().get(0).expr();
    }

    @Test
    void blocksWithQuotedAndBareLabelsCarryTheirRanges() {
        HclFile f = parseClean("""
                # comment
                resource "aws_s3_bucket" b {
                  acl = "private" // trailing
                  /* block
                     comment */
                  versioning {
                    enabled = true
                  }
                }
                """);
        Block r = f.body().blocks().get(0);
        assertEquals("resource", r.type());
        assertEquals(List.of("aws_s3_bucket", "b"), r.labels());
        assertEquals(new Pos(2, 1, 10), r.range().start());
        assertEquals(9, r.range().endLine());
        assertEquals(new Pos(9, 2, r.range().end().offset()), r.range().end());
        assertEquals(new Range(new Pos(2, 1, 10), new Pos(2, 9, 18)), r.typeRange());
        Attribute acl = r.body().attributes().get(0);
        assertEquals("acl", acl.name());
        assertEquals(new Pos(3, 3, 41), acl.range().start());
        assertEquals(new Pos(3, 18, 56), acl.range().end());
        assertEquals(new Range(new Pos(3, 3, 41), new Pos(3, 6, 44)), acl.nameRange());
        Block v = r.body().blocks().get(0);
        assertEquals("versioning", v.type());
        assertEquals(6, v.range().startLine());
        assertEquals(8, v.range().endLine());
        assertEquals(new Expr.LiteralValueExpr(true, new Range(new Pos(7, 15, v.body().attributes().get(0).expr().range().start().offset()),
                new Pos(7, 19, v.body().attributes().get(0).expr().range().end().offset()))), v.body().attributes().get(0).expr());
    }

    @Test
    void oneLineBlocksAndEmptyBlocks() {
        HclFile f = parseClean("a { b = 1 }\nc {}\nd \"x\" {\n}\n");
        assertEquals(3, f.body().blocks().size());
        assertEquals("b", f.body().blocks().get(0).body().attributes().get(0).name());
        assertTrue(f.body().blocks().get(1).body().attributes().isEmpty());
        assertEquals(List.of("x"), f.body().blocks().get(2).labels());
    }

    @Test
    void oneLineBlockWithTwoArgumentsIsAnErrorOnItsLine() {
        HclFile f = parse("a {\n  b { c = 1 d = 2 }\n}\nnext {\n  e = 1\n}\n");
        assertEquals(1, f.errors().size());
        assertEquals(2, f.errors().get(0).pos().line());
        assertEquals(2, f.body().blocks().size(), "the following block is still read");
        assertEquals("next", f.body().blocks().get(1).type());
    }

    @Test
    void numbersAreBigDecimalsWithExponents() {
        assertEquals(new BigDecimal("1.5e3"), ((Expr.LiteralValueExpr) expr("1.5e3")).value());
        assertEquals(new BigDecimal("42"), ((Expr.LiteralValueExpr) expr("42")).value());
        assertEquals(new BigDecimal("2E-2"), ((Expr.LiteralValueExpr) expr("2E-2")).value());
    }

    @Test
    void keywordsAreLiteralsAndNegativeNumbersAreUnaryOps() {
        assertEquals(Boolean.FALSE, ((Expr.LiteralValueExpr) expr("false")).value());
        assertNull(((Expr.LiteralValueExpr) expr("null")).value());
        Expr.UnaryOpExpr neg = assertInstanceOf(Expr.UnaryOpExpr.class, expr("-1"));
        assertEquals("-", neg.op());
        assertEquals(BigDecimal.ONE, ((Expr.LiteralValueExpr) neg.operand()).value());
        Expr.UnaryOpExpr not = assertInstanceOf(Expr.UnaryOpExpr.class, expr("!var.a.b"));
        assertEquals(List.of(new Traverser.Attr("a"), new Traverser.Attr("b")),
                ((Expr.ScopeTraversalExpr) not.operand()).traversal());
    }

    @Test
    void stringEscapes() {
        Expr.TemplateExpr t = assertInstanceOf(Expr.TemplateExpr.class,
                expr("\"a\\n\\t\\\"\\\\\\u00e9\\U0001F600 $${x} %%{y} $z\""));
        assertEquals(List.of(new TemplatePart.Literal("a\n\t\"\\\u00e9\uD83D\uDE00 ${x} %{y} $z")), t.parts());
        assertFalse(t.heredoc());
        assertTrue(assertInstanceOf(Expr.TemplateExpr.class, expr("\"\"")).parts().isEmpty());
    }

    @Test
    void interpolationAloneIsTemplateWrapOtherwiseTemplate() {
        Expr.TemplateWrapExpr w = assertInstanceOf(Expr.TemplateWrapExpr.class, expr("\"${var.x}\""));
        assertEquals("var", ((Expr.ScopeTraversalExpr) w.wrapped()).root());
        Expr.TemplateExpr t = assertInstanceOf(Expr.TemplateExpr.class, expr("\"a-${var.x}-b\""));
        assertEquals(3, t.parts().size());
        assertEquals(new TemplatePart.Literal("a-"), t.parts().get(0));
        assertInstanceOf(TemplatePart.Interpolation.class, t.parts().get(1));
    }

    @Test
    void templateDirectivesAndStripMarkers() {
        Expr.TemplateExpr t = assertInstanceOf(Expr.TemplateExpr.class,
                expr("\"x %{ if var.a ~} yes %{~ else ~} no %{~ endif } %{ for k, v in var.m }${k}=${v},%{ endfor }\""));
        TemplatePart.If iff = assertInstanceOf(TemplatePart.If.class, t.parts().get(1));
        assertEquals(List.of(new TemplatePart.Literal("yes")), iff.thenParts());
        assertEquals(List.of(new TemplatePart.Literal("no")), iff.elseParts());
        TemplatePart.For loop = assertInstanceOf(TemplatePart.For.class, t.parts().get(3));
        assertEquals("k", loop.keyVar());
        assertEquals("v", loop.valVar());
        assertEquals(4, loop.body().size());
        assertEquals(new TemplatePart.Literal("x "), t.parts().get(0));
    }

    @Test
    void unterminatedIfDirectiveIsAnError() {
        HclFile f = parse("a = \"%{ if true }x\"\nb = 1\n");
        assertEquals(1, f.errors().size());
        assertTrue(f.errors().get(0).message().contains("endif"), f.errors().get(0).message());
        assertEquals("b", f.body().attributes().get(0).name());
    }

    @Test
    void heredocsWithInterpolationAndIndentStripping() {
        HclFile f = parseClean("""
                a = <<EOT
                  hello ${name}
                    world
                EOT
                b = <<-EOT
                    one
                      two ${x}

                    three
                  EOT
                c = 1
                """);
        List<Attribute> attrs = f.body().attributes();
        Expr.TemplateExpr a = (Expr.TemplateExpr) attrs.get(0).expr();
        assertTrue(a.heredoc());
        assertEquals(new TemplatePart.Literal("  hello "), a.parts().get(0));
        assertEquals(new TemplatePart.Literal("\n    world\n"), a.parts().get(2));
        assertEquals(1, attrs.get(0).range().startLine());
        assertEquals(4, attrs.get(0).range().endLine());
        Expr.TemplateExpr b = (Expr.TemplateExpr) attrs.get(1).expr();
        assertEquals(new TemplatePart.Literal("one\n  two "), b.parts().get(0));
        assertEquals(new TemplatePart.Literal("\n\nthree\n"), b.parts().get(2));
        assertEquals(10, attrs.get(1).range().endLine());
        assertEquals(11, attrs.get(2).range().startLine());
    }

    @Test
    void tuplesAndObjectsWithAllKeyForms() {
        Expr.TupleConsExpr tuple = assertInstanceOf(Expr.TupleConsExpr.class, expr("[1,\n 2,\n]"));
        assertEquals(2, tuple.items().size());
        Expr.ObjectConsExpr obj = assertInstanceOf(Expr.ObjectConsExpr.class,
                expr("{\n  a = 1, b: 2\n  \"c\" = 3\n  (var.k) = 4\n  \"${x}\" = 5\n}"));
        List<Expr.ObjectItem> items = obj.items();
        assertEquals(5, items.size());
        assertTrue(items.get(0).bareKey());
        assertTrue(items.get(1).bareKey());
        assertFalse(items.get(2).bareKey());
        assertInstanceOf(Expr.TemplateExpr.class, items.get(2).key());
        assertFalse(items.get(3).bareKey());
        assertInstanceOf(Expr.ParenthesesExpr.class, items.get(3).key());
        assertInstanceOf(Expr.TemplateWrapExpr.class, items.get(4).key());
    }

    @Test
    void forExpressions() {
        Expr.ForExpr t = assertInstanceOf(Expr.ForExpr.class, expr("[for s in var.l : upper(s) if s != \"\"]"));
        assertNull(t.keyVar());
        assertEquals("s", t.valVar());
        assertNull(t.keyExpr());
        assertInstanceOf(Expr.BinaryOpExpr.class, t.condition());
        Expr.ForExpr o = assertInstanceOf(Expr.ForExpr.class, expr("{\n for k, v in var.m :\n v => k...\n}"));
        assertEquals("k", o.keyVar());
        assertTrue(o.grouping());
        assertInstanceOf(Expr.ScopeTraversalExpr.class, o.keyExpr());
    }

    @Test
    void splatsFullAndLegacy() {
        Expr.SplatExpr full = assertInstanceOf(Expr.SplatExpr.class, expr("aws_instance.web[*].id"));
        assertFalse(full.legacy());
        assertEquals(List.of(new Traverser.Attr("id")), full.each());
        assertEquals(List.of(new Traverser.Attr("web")), ((Expr.ScopeTraversalExpr) full.source()).traversal());
        Expr.SplatExpr legacy = assertInstanceOf(Expr.SplatExpr.class, expr("aws_instance.web.*.id"));
        assertTrue(legacy.legacy());
        Expr.SplatExpr nested = assertInstanceOf(Expr.SplatExpr.class, expr("a[*].b[*].c"));
        assertEquals(List.of(new Traverser.Attr("b"), new Traverser.Splat(), new Traverser.Attr("c")), nested.each());
        // legacy splat ends at a bracket: the index applies to the resulting list
        Expr.RelativeTraversalExpr after = assertInstanceOf(Expr.RelativeTraversalExpr.class, expr("a.*.id[0]"));
        assertInstanceOf(Expr.SplatExpr.class, after.source());
    }

    @Test
    void literalIndexesStayInTraversalsOthersBecomeIndexExprs() {
        Expr.ScopeTraversalExpr s = assertInstanceOf(Expr.ScopeTraversalExpr.class, expr("local.m[\"k\"].list[0].x.0"));
        assertEquals(List.of(new Traverser.Attr("m"), new Traverser.Index("k"), new Traverser.Attr("list"),
                new Traverser.Index(BigDecimal.ZERO), new Traverser.Attr("x"), new Traverser.Index(BigDecimal.ZERO)),
                s.traversal());
        Expr.IndexExpr i = assertInstanceOf(Expr.IndexExpr.class, expr("var.l[count.index]"));
        assertInstanceOf(Expr.ScopeTraversalExpr.class, i.collection());
        Expr.RelativeTraversalExpr r = assertInstanceOf(Expr.RelativeTraversalExpr.class, expr("var.l[each.key].id"));
        assertInstanceOf(Expr.IndexExpr.class, r.source());
        Expr.RelativeTraversalExpr call = assertInstanceOf(Expr.RelativeTraversalExpr.class, expr("f(x)[0].id"));
        assertInstanceOf(Expr.FunctionCallExpr.class, call.source());
    }

    @Test
    void precedenceAndAssociativity() {
        Expr.BinaryOpExpr sum = assertInstanceOf(Expr.BinaryOpExpr.class, expr("1 + 2 * 3"));
        assertEquals("+", sum.op());
        assertEquals("*", ((Expr.BinaryOpExpr) sum.rhs()).op());
        Expr.BinaryOpExpr left = assertInstanceOf(Expr.BinaryOpExpr.class, expr("1 - 2 - 3"));
        assertEquals("-", ((Expr.BinaryOpExpr) left.lhs()).op());
        Expr.BinaryOpExpr or = assertInstanceOf(Expr.BinaryOpExpr.class, expr("a || b && c == d < e + f % g"));
        assertEquals("||", or.op());
        Expr.BinaryOpExpr and = (Expr.BinaryOpExpr) or.rhs();
        assertEquals("&&", and.op());
        Expr.BinaryOpExpr eq = (Expr.BinaryOpExpr) and.rhs();
        assertEquals("==", eq.op());
        Expr.BinaryOpExpr lt = (Expr.BinaryOpExpr) eq.rhs();
        assertEquals("<", lt.op());
        Expr.BinaryOpExpr plus = (Expr.BinaryOpExpr) lt.rhs();
        assertEquals("+", plus.op());
        assertEquals("%", ((Expr.BinaryOpExpr) plus.rhs()).op());
        Expr.BinaryOpExpr negTimes = assertInstanceOf(Expr.BinaryOpExpr.class, expr("-a * b"));
        assertInstanceOf(Expr.UnaryOpExpr.class, negTimes.lhs());
        Expr.ConditionalExpr c = assertInstanceOf(Expr.ConditionalExpr.class, expr("a ? b : c ? d : e"));
        assertInstanceOf(Expr.ConditionalExpr.class, c.falseResult());
        assertInstanceOf(Expr.ParenthesesExpr.class, expr("(1 + 2)"));
    }

    @Test
    void functionCallsWithExpansionAndProviderNamespaces() {
        Expr.FunctionCallExpr f = assertInstanceOf(Expr.FunctionCallExpr.class, expr("concat(a,\n [b]...)"));
        assertEquals("concat", f.name());
        assertTrue(f.expandFinal());
        assertEquals(2, f.args().size());
        Expr.FunctionCallExpr p = assertInstanceOf(Expr.FunctionCallExpr.class, expr("provider::aws::arn_parse(x)"));
        assertEquals("provider::aws::arn_parse", p.name());
        assertFalse(p.expandFinal());
    }

    @Test
    void missingNewlineAfterArgumentIsReportedWithItsPositionAndTheRestIsRead() {
        HclFile f = parse("""
                resource "a" "x" {
                  v {
                    status = "Enabled"}
                }
                resource "a" "y" {
                  n = 1
                }
                """);
        assertEquals(1, f.errors().size());
        HclError e = f.errors().get(0);
        assertEquals(new Pos(3, 23, e.pos().offset()), e.pos());
        assertTrue(e.message().startsWith("Missing newline after argument"), e.message());
        assertEquals(2, f.body().blocks().size());
        assertEquals("Enabled", Parser.literalText((Expr.TemplateExpr)
                f.body().blocks().get(0).body().blocks().get(0).body().attributes().get(0).expr()));
        assertEquals(List.of("a", "y"), f.body().blocks().get(1).labels());
    }

    @Test
    void strayClosingBraceIsAnErrorAndReadingGoesOn() {
        HclFile f = parse("a {\n}\n}\nb {\n  c = 1\n}\n");
        assertEquals(1, f.errors().size());
        assertEquals(new Pos(3, 1, 6), f.errors().get(0).pos());
        assertEquals(List.of("a", "b"), f.body().blocks().stream().map(Block::type).toList());
    }

    @Test
    void brokenExpressionSkipsToTheNextItem() {
        HclFile f = parse("a {\n  x = [1, 2\n    3]\n  y = 2\n}\nb {}\n");
        assertEquals(1, f.errors().size());
        assertEquals(3, f.errors().get(0).pos().line());
        Block a = f.body().blocks().get(0);
        assertEquals(List.of("y"), a.body().attributes().stream().map(Attribute::name).toList());
        assertEquals(5, a.range().endLine());
        assertEquals("b", f.body().blocks().get(1).type());
    }

    @Test
    void unterminatedStringHeredocAndCommentAreErrorsAtTheirStart() {
        HclFile s = parse("a = 1\nb = \"open\nc = 2\n");
        assertEquals(new Pos(2, 5, 10), s.errors().get(0).pos());
        assertTrue(s.errors().get(0).message().startsWith("Unterminated string"));
        assertEquals(List.of("a", "c"), s.body().attributes().stream().map(Attribute::name).toList());

        HclFile h = parse("a = 1\nb = <<EOT\nnever closed\n");
        assertEquals(new Pos(2, 5, 10), h.errors().get(0).pos());
        assertTrue(h.errors().get(0).message().startsWith("Unterminated heredoc"));
        assertEquals("a", h.body().attributes().get(0).name());

        HclFile c = parse("a = 1\n/* open\nb = 2\n");
        assertEquals(new Pos(2, 1, 6), c.errors().get(0).pos());
        assertTrue(c.errors().get(0).message().contains("unterminated comment"));
        assertEquals(1, c.body().attributes().size());
    }

    @Test
    void unclosedBlockKeepsWhatWasRead() {
        HclFile f = parse("a {\n  b = 1\n");
        assertEquals(1, f.errors().size());
        assertEquals(new Pos(1, 3, 2), f.errors().get(0).pos());
        assertEquals("b", f.body().blocks().get(0).body().attributes().get(0).name());
    }

    @Test
    void redefinedAttributeIsAnErrorAndTheFirstWins() {
        HclFile f = parse("a = 1\na = 2\n");
        assertEquals(1, f.errors().size());
        assertEquals(2, f.errors().get(0).pos().line());
        assertEquals(1, f.body().attributes().size());
        assertEquals(1, f.body().attributes().get(0).range().startLine());
    }

    @Test
    void quotedArgumentNameAndCommaSeparatedArgumentsAreErrors() {
        assertTrue(parse("\"a\" = 1\n").errors().get(0).message().startsWith("Invalid argument name"));
        assertTrue(parse("a = 1, b = 2\n").errors().get(0).message().startsWith("Unexpected comma"));
    }
}
