package dev.tollgate.iac.hcl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/**
 * What the parser read from a Terraform file, as JSON in the shape of the hcl-oracle corpus (see
 * {@code corpus/hcl-oracle/README.md}): this is the output of {@code tollgate inspect}.
 */
public final class HclInspector {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * Parses {@code text} ({@code .tf.json} as Terraform JSON, anything else as native syntax) and describes it.
     * {@code path} is written as given, so the caller decides how files are named in the output.
     */
    public ObjectNode inspect(String path, String text) {
        HclFile file = path.endsWith(".json") ? new TfJsonParser().parse(path, text) : new HclParser().parse(path, text);
        return inspect(path, file);
    }

    /** Describes an already parsed file; errors appear as {@code "path:line,column: message"}. */
    public ObjectNode inspect(String path, HclFile file) {
        ObjectNode out = JSON.objectNode();
        out.put("path", path);
        if (!file.errors().isEmpty()) {
            ArrayNode errors = out.putArray("errors");
            for (HclError e : file.errors()) {
                errors.add(path + ":" + e.pos().line() + "," + e.pos().column() + ": " + e.message());
            }
        }
        out.set("attributes", attributes(file.body().attributes()));
        out.set("blocks", blocks(file.body().blocks()));
        return out;
    }

    private ArrayNode blocks(List<Block> blocks) {
        ArrayNode out = JSON.arrayNode();
        for (Block b : blocks) {
            ObjectNode node = out.addObject();
            node.put("type", b.type());
            ArrayNode labels = node.putArray("labels");
            b.labels().forEach(labels::add);
            node.put("start_line", b.range().startLine());
            node.put("end_line", b.range().endLine());
            node.set("attributes", attributes(b.body().attributes()));
            node.set("blocks", blocks(b.body().blocks()));
        }
        return out;
    }

    private ArrayNode attributes(List<Attribute> attributes) {
        ArrayNode out = JSON.arrayNode();
        attributes.stream()
                .sorted(Comparator.comparingInt(a -> a.range().startLine()))
                .forEach(a -> {
                    ObjectNode node = out.addObject();
                    node.put("name", a.name());
                    node.put("start_line", a.range().startLine());
                    node.put("end_line", a.range().endLine());
                    node.put("expr_kind", a.expr().kind());
                    putLiteral(node, a.expr());
                });
        return out;
    }

    /** Only plain literals: a string without interpolation or directive, a number, a bool. */
    private static void putLiteral(ObjectNode node, Expr expr) {
        if (expr instanceof Expr.TemplateExpr t && Parser.isStringLiteral(t)) {
            String text = Parser.literalText(t);
            if (isSingleLiteralToken(text, t.heredoc())) {
                node.put("literal", text);
            }
        } else if (expr instanceof Expr.LiteralValueExpr lit) {
            if (lit.value() instanceof Boolean b) {
                node.put("literal", b);
            } else if (lit.value() instanceof BigDecimal n) {
                node.set("literal", number(n));
            }
        }
    }

    /**
     * The reference marks a string as literal only when its scanner produced exactly one literal token
     * (hclsyntax's {@code TemplateExpr.IsStringLiteral}). That scanner splits literal text at every {@code $}
     * and {@code %} (even when no "{" follows) and at every heredoc line; escapes such as {@code \"} do not
     * split. So {@code "$Latest"} and a two-line heredoc are plain strings to us but carry no "literal" here.
     */
    private static boolean isSingleLiteralToken(String text, boolean heredoc) {
        if (text.indexOf('$') >= 0 || text.indexOf('%') >= 0) {
            return false;
        }
        int newline = text.indexOf('\n');
        return !heredoc || newline < 0 || newline == text.length() - 1;
    }

    private static com.fasterxml.jackson.databind.JsonNode number(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            BigInteger i = stripped.toBigIntegerExact();
            if (i.bitLength() < 32) {
                return JSON.numberNode(i.intValue());
            }
            if (i.bitLength() < 64) {
                return JSON.numberNode(i.longValue());
            }
            return JSON.numberNode(i);
        }
        return JSON.numberNode(stripped);
    }
}
