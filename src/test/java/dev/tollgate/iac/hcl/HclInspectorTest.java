package dev.tollgate.iac.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HclInspectorTest {
    private final HclInspector inspector = new HclInspector();

    @Test
    void describesBlocksAttributesKindsAndOnlyPlainLiterals() {
        ObjectNode out = inspector.inspect("dir/main.tf", """
                top = 1
                resource "aws_s3_bucket" "b" {
                  bucket = "logs"
                  name   = "${var.n}"
                  mixed  = "a-${var.n}"
                  dollar = "$Latest"
                  count  = 3
                  on     = true
                  none   = null
                  neg    = -1
                  doc    = <<EOT
                one line
                EOT
                  doc2   = <<EOT
                two
                lines
                EOT
                  tags   = { a = 1 }
                }
                """);
        assertEquals("dir/main.tf", out.get("path").asText());
        assertFalse(out.has("errors"));
        assertEquals("top", out.get("attributes").get(0).get("name").asText());
        JsonNode b = out.get("blocks").get(0);
        assertEquals("resource", b.get("type").asText());
        assertEquals("[\"aws_s3_bucket\",\"b\"]", b.get("labels").toString());
        assertEquals(2, b.get("start_line").asInt());
        assertEquals(19, b.get("end_line").asInt());
        JsonNode attrs = b.get("attributes");
        assertAttr(attrs.get(0), "bucket", "TemplateExpr", "\"logs\"");
        assertAttr(attrs.get(1), "name", "TemplateWrapExpr", null);
        assertAttr(attrs.get(2), "mixed", "TemplateExpr", null);
        assertAttr(attrs.get(3), "dollar", "TemplateExpr", null);
        assertAttr(attrs.get(4), "count", "LiteralValueExpr", "3");
        assertAttr(attrs.get(5), "on", "LiteralValueExpr", "true");
        assertAttr(attrs.get(6), "none", "LiteralValueExpr", null);
        assertAttr(attrs.get(7), "neg", "UnaryOpExpr", null);
        assertAttr(attrs.get(8), "doc", "TemplateExpr", "\"one line\\n\"");
        assertEquals(11, attrs.get(8).get("start_line").asInt());
        assertEquals(13, attrs.get(8).get("end_line").asInt());
        assertAttr(attrs.get(9), "doc2", "TemplateExpr", null);
        assertAttr(attrs.get(10), "tags", "ObjectConsExpr", null);
    }

    @Test
    void errorsAppearWithPathLineAndColumn() {
        ObjectNode out = inspector.inspect("x.tf", "a {\n  b = 1 c = 2\n}\n");
        assertEquals(1, out.get("errors").size());
        String error = out.get("errors").get(0).asText();
        assertTrue(error.startsWith("x.tf:2,9: Missing newline after argument"), error);
        assertEquals(1, out.get("blocks").size());
    }

    @Test
    void jsonFilesGoThroughTheJsonParser() {
        ObjectNode out = inspector.inspect("m.tf.json", "{\"variable\": {\"v\": {\"default\": \"x\"}}}");
        assertEquals("variable", out.get("blocks").get(0).get("type").asText());
        assertEquals("x", out.get("blocks").get(0).get("attributes").get(0).get("literal").asText());
    }

    private static void assertAttr(JsonNode attr, String name, String kind, String literalJson) {
        assertEquals(name, attr.get("name").asText());
        assertEquals(kind, attr.get("expr_kind").asText(), name);
        if (literalJson == null) {
            assertFalse(attr.has("literal"), name + " has no literal");
        } else {
            assertEquals(literalJson, attr.get("literal").toString(), name);
        }
    }
}
