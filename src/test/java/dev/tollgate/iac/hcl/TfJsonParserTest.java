package dev.tollgate.iac.hcl;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TfJsonParserTest {
    private final TfJsonParser parser = new TfJsonParser();

    @Test
    void wellKnownBlocksNestAsTerraformJsonDefines() {
        String json = """
                {
                  "//": "a comment",
                  "resource": {
                    "aws_s3_bucket": {
                      "b": {
                        "bucket": "logs-${var.env}",
                        "acl": "private",
                        "force_destroy": true,
                        "tags": {"Name": "x"},
                        "lifecycle": {"prevent_destroy": true},
                        "count": 2
                      }
                    }
                  },
                  "variable": {"env": {"default": "${local.e}"}},
                  "provider": {"aws": [{"region": "us-east-1"}, {"alias": "w", "region": "us-west-2"}]},
                  "locals": {"e": null},
                  "terraform": {"backend": {"s3": {"bucket": "state"}}, "required_providers": {"aws": {"source": "hashicorp/aws"}}}
                }
                """;
        HclFile f = parser.parse("main.tf.json", json);
        assertEquals(List.of(), f.errors());
        List<Block> blocks = f.body().blocks();
        assertEquals(List.of("resource", "variable", "provider", "provider", "locals", "terraform"),
                blocks.stream().map(Block::type).toList());
        Block r = blocks.get(0);
        assertEquals(List.of("aws_s3_bucket", "b"), r.labels());
        assertEquals(3, r.typeRange().startLine());
        assertEquals(5, r.range().startLine(), "a resource starts at its name key");
        assertEquals(12, r.range().endLine());
        assertEquals(List.of("bucket", "acl", "force_destroy", "tags", "count"),
                r.body().attributes().stream().map(Attribute::name).toList());
        Attribute bucket = r.body().attributes().get(0);
        assertEquals(6, bucket.range().startLine());
        assertEquals(new Pos(6, 9, bucket.nameRange().start().offset()), bucket.nameRange().start());
        Expr.TemplateExpr t = assertInstanceOf(Expr.TemplateExpr.class, bucket.expr());
        assertEquals(2, t.parts().size());
        Expr.TemplatePart.Interpolation in = assertInstanceOf(Expr.TemplatePart.Interpolation.class, t.parts().get(1));
        assertEquals(6, in.expr().range().startLine());
        assertEquals(new BigDecimal(2), ((Expr.LiteralValueExpr) r.body().attributes().get(4).expr()).value());
        assertInstanceOf(Expr.ObjectConsExpr.class, r.body().attributes().get(3).expr());
        assertEquals("lifecycle", r.body().blocks().get(0).type());
        assertInstanceOf(Expr.TemplateWrapExpr.class, blocks.get(1).body().attributes().get(0).expr());
        assertEquals(List.of("aws"), blocks.get(3).labels());
        Block tf = blocks.get(5);
        assertEquals(List.of("backend", "required_providers"), tf.body().blocks().stream().map(Block::type).toList());
        assertEquals(List.of("s3"), tf.body().blocks().get(0).labels());
    }

    @Test
    void invalidJsonIsAnErrorWithItsLine() {
        HclFile f = parser.parse("bad.tf.json", "{\n  \"resource\": {\n    \"x\": \n}\n");
        assertEquals(1, f.errors().size());
        assertEquals(4, f.errors().get(0).pos().line());
        assertTrue(f.errors().get(0).message().startsWith("Invalid JSON"));
    }

    @Test
    void badTemplateInAStringIsReportedAndTheRestIsRead() {
        HclFile f = parser.parse("t.tf.json", "{\"locals\": {\"a\": \"${\", \"b\": \"ok\"}}");
        assertEquals(1, f.errors().size());
        assertEquals(2, f.body().blocks().get(0).body().attributes().size());
    }

    @Test
    void depthAndSizeAreBounded() {
        String deep = "{\"locals\": {\"a\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}}";
        HclFile f = parser.parse("deep.tf.json", deep);
        assertFalse(f.errors().isEmpty());
        assertTrue(f.errors().get(0).message().contains("depth"), f.errors().get(0).message());
        HclFile big = parser.parse("big.tf.json", "\"" + "x".repeat(HclParser.MAX_FILE_CHARS) + "\"");
        assertTrue(big.errors().get(0).message().startsWith("File too large"));
    }
}
