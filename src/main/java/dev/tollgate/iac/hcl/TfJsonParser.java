package dev.tollgate.iac.hcl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses Terraform's JSON syntax ({@code .tf.json}) into the same {@link HclFile} shape as {@link HclParser}.
 * Every JSON string (values and object keys) is read as a template, so {@code "${var.x}"} is a
 * TemplateWrapExpr, as in Terraform. Block nesting follows Terraform's JSON rules for the well-known block
 * types: {@code resource}/{@code data} are type → name → body, {@code variable}, {@code output},
 * {@code module}, {@code provider} and {@code check} are label → body, {@code locals} and {@code terraform}
 * are bodies; a body may also be an array of bodies. Inside bodies only the meta-blocks Terraform defines
 * without a provider schema ({@code lifecycle}, {@code provisioner}, {@code dynamic}, {@code backend} ...)
 * become blocks: provider-defined nested blocks ({@code versioning {...}}) cannot be told from object-valued
 * arguments without the provider's schema, so they stay attributes holding an ObjectConsExpr (or a
 * TupleConsExpr of objects). Keys named {@code "//"} are comments.
 */
public final class TfJsonParser {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(HclParser.MAX_DEPTH)
                    .maxStringLength(HclParser.MAX_FILE_CHARS)
                    .build())
            .build();

    /** Labels of the top-level block types. */
    private static final Map<String, Integer> TOP_LEVEL_LABELS = Map.ofEntries(
            Map.entry("resource", 2), Map.entry("data", 2), Map.entry("ephemeral", 2),
            Map.entry("module", 1), Map.entry("provider", 1), Map.entry("variable", 1), Map.entry("output", 1),
            Map.entry("check", 1), Map.entry("locals", 0), Map.entry("terraform", 0), Map.entry("moved", 0),
            Map.entry("import", 0), Map.entry("removed", 0));

    /** Nested blocks Terraform itself defines (no provider schema needed), with their label counts. */
    private static final Map<String, Integer> META_BLOCK_LABELS = Map.ofEntries(
            Map.entry("lifecycle", 0), Map.entry("connection", 0), Map.entry("provisioner", 1),
            Map.entry("dynamic", 1), Map.entry("content", 0), Map.entry("precondition", 0),
            Map.entry("postcondition", 0), Map.entry("validation", 0), Map.entry("backend", 1),
            Map.entry("cloud", 0), Map.entry("required_providers", 0), Map.entry("workspaces", 0));

    public HclFile parse(String path, String text) {
        Pos origin = new Pos(1, 1, 0);
        Range empty = new Range(origin, origin);
        if (text.length() > HclParser.MAX_FILE_CHARS) {
            return new HclFile(path, new Body(List.of(), List.of(), empty), List.of(new HclError(origin,
                    "File too large: " + text.length() + " characters; the limit for a Terraform file is "
                            + HclParser.MAX_FILE_CHARS)));
        }
        JNode root;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() == null) {
                return new HclFile(path, new Body(List.of(), List.of(), empty),
                        List.of(new HclError(origin, "Empty file: a Terraform JSON file must hold one JSON object")));
            }
            root = read(p);
            if (p.nextToken() != null) {
                throw new SyntaxError(start(p), "Extra content after the JSON object: a Terraform JSON file holds"
                        + " exactly one object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Pos pos = at == null ? origin : new Pos(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()),
                    (int) Math.max(0, at.getCharOffset()));
            return new HclFile(path, new Body(List.of(), List.of(), empty),
                    List.of(new HclError(pos, "Invalid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            return new HclFile(path, new Body(List.of(), List.of(), empty), List.of(new HclError(origin,
                    "Unreadable JSON: " + e.getMessage())));
        } catch (SyntaxError e) {
            return new HclFile(path, new Body(List.of(), List.of(), empty), List.of(new HclError(e.pos, e.getMessage())));
        }
        Converter c = new Converter();
        Body body = c.topLevel(root);
        return new HclFile(path, body, List.copyOf(c.errors));
    }

    // ---------------------------------------------------------------- JSON with positions

    private sealed interface JNode {
        Range range();
    }

    private record JMember(String key, Range keyRange, JNode value) {
    }

    private record JObject(List<JMember> members, Range range) implements JNode {
    }

    private record JArray(List<JNode> items, Range range) implements JNode {
    }

    /** A scalar: String, BigDecimal, Boolean or null. */
    private record JScalar(Object value, Range range) implements JNode {
    }

    private static Pos start(JsonParser p) {
        return pos(p.currentTokenLocation());
    }

    private static Pos pos(JsonLocation l) {
        return new Pos(l.getLineNr(), l.getColumnNr(), (int) l.getCharOffset());
    }

    /** Reads the value at the current token; nesting is bounded by the factory's constraints. */
    private static JNode read(JsonParser p) throws IOException {
        Pos s = start(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                List<JMember> members = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Range keyRange = new Range(start(p), pos(p.currentLocation()));
                    p.nextToken();
                    members.add(new JMember(key, keyRange, read(p)));
                }
                return new JObject(members, new Range(s, pos(p.currentLocation())));
            }
            case START_ARRAY -> {
                List<JNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                return new JArray(items, new Range(s, pos(p.currentLocation())));
            }
            case VALUE_STRING -> {
                return new JScalar(p.getText(), new Range(s, pos(p.currentLocation())));
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new JScalar(p.getDecimalValue(), new Range(s, pos(p.currentLocation())));
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new JScalar(t == JsonToken.VALUE_TRUE, new Range(s, pos(p.currentLocation())));
            }
            case VALUE_NULL -> {
                return new JScalar(null, new Range(s, pos(p.currentLocation())));
            }
            default -> throw new SyntaxError(s, "Unexpected JSON token " + t);
        }
    }

    // ---------------------------------------------------------------- Terraform JSON rules

    private static final class Converter {
        final List<HclError> errors = new ArrayList<>();

        Body topLevel(JNode root) {
            if (!(root instanceof JObject obj)) {
                errors.add(new HclError(root.range().start(), "A Terraform JSON file must hold one JSON object"));
                return new Body(List.of(), List.of(), root.range());
            }
            List<Attribute> attributes = new ArrayList<>();
            List<Block> blocks = new ArrayList<>();
            for (JMember m : obj.members()) {
                Integer labels = TOP_LEVEL_LABELS.get(m.key());
                if (m.key().equals("//")) {
                    continue;
                }
                if (labels == null) {
                    attributes.add(attribute(m));
                } else {
                    blocks(m.key(), m.keyRange(), labels, m.value(), new ArrayList<>(), blocks, m.keyRange().start());
                }
            }
            return new Body(List.copyOf(attributes), List.copyOf(blocks), obj.range());
        }

        /** Unwraps {@code labels} levels of label objects, then reads one body or an array of bodies. */
        private void blocks(String type, Range typeRange, int labels, JNode value, List<String> labelsSoFar,
                            List<Block> out, Pos blockStart) {
            if (labels > 0) {
                if (!(value instanceof JObject obj)) {
                    errors.add(new HclError(value.range().start(), "Invalid " + type + " block: expected a JSON object"
                            + " whose keys are the block's labels"));
                    return;
                }
                for (JMember m : obj.members()) {
                    if (m.key().equals("//")) {
                        continue;
                    }
                    List<String> next = new ArrayList<>(labelsSoFar);
                    next.add(m.key());
                    blocks(type, typeRange, labels - 1, m.value(), next, out, m.keyRange().start());
                }
                return;
            }
            if (value instanceof JArray arr) {
                for (JNode item : arr.items()) {
                    block(type, typeRange, labelsSoFar, item, out, blockStart);
                }
            } else {
                block(type, typeRange, labelsSoFar, value, out, blockStart);
            }
        }

        /** The block's range starts at its last label's key (where this one block is named), else at its type key. */
    private void block(String type, Range typeRange, List<String> labels, JNode value, List<Block> out, Pos blockStart) {
            if (!(value instanceof JObject obj)) {
                errors.add(new HclError(value.range().start(), "Invalid " + type + " block: its body must be a JSON object"));
                return;
            }
            Body body = body(obj, type);
            out.add(new Block(type, List.copyOf(labels), body, new Range(blockStart, obj.range().end()), typeRange));
        }

        private Body body(JObject obj, String blockType) {
            List<Attribute> attributes = new ArrayList<>();
            List<Block> blocks = new ArrayList<>();
            for (JMember m : obj.members()) {
                if (m.key().equals("//")) {
                    continue;
                }
                Integer labels = META_BLOCK_LABELS.get(m.key());
                boolean isBlock = labels != null && isMetaBlockIn(blockType, m.key())
                        && (m.value() instanceof JObject || m.value() instanceof JArray);
                if (isBlock) {
                    blocks(m.key(), m.keyRange(), labels, m.value(), new ArrayList<>(), blocks, m.keyRange().start());
                } else {
                    attributes.add(attribute(m));
                }
            }
            return new Body(List.copyOf(attributes), List.copyOf(blocks), obj.range());
        }

        /** {@code required_providers} is a block only inside {@code terraform}, {@code content} only in dynamic. */
        private static boolean isMetaBlockIn(String blockType, String name) {
            return switch (name) {
                case "backend", "cloud", "required_providers" -> blockType.equals("terraform");
                case "workspaces" -> blockType.equals("cloud");
                case "content" -> blockType.equals("dynamic");
                case "validation" -> blockType.equals("variable");
                default -> !blockType.equals("terraform") && !blockType.equals("locals");
            };
        }

        private Attribute attribute(JMember m) {
            Expr value = expr(m.value());
            return new Attribute(m.key(), value, new Range(m.keyRange().start(), value.range().end()), m.keyRange());
        }

        private Expr expr(JNode node) {
            if (node instanceof JObject obj) {
                List<Expr.ObjectItem> items = new ArrayList<>();
                for (JMember m : obj.members()) {
                    items.add(new Expr.ObjectItem(template(m.key(), m.keyRange()), expr(m.value()), false));
                }
                return new Expr.ObjectConsExpr(List.copyOf(items), obj.range());
            }
            if (node instanceof JArray arr) {
                return new Expr.TupleConsExpr(arr.items().stream().map(this::expr).toList(), arr.range());
            }
            JScalar s = (JScalar) node;
            if (s.value() instanceof String str) {
                return template(str, s.range());
            }
            return new Expr.LiteralValueExpr(s.value(), s.range());
        }

        /** A JSON string as a template; inner positions count from just after the opening quote. */
        private Expr template(String text, Range range) {
            Pos inside = new Pos(range.start().line(), range.start().column() + 1, range.start().offset() + 1);
            try {
                return Parser.parseTemplateText(text, inside, range);
            } catch (SyntaxError e) {
                errors.add(new HclError(e.pos, e.getMessage()));
                List<Expr.TemplatePart> parts = text.isEmpty() ? List.of() : List.of(new Expr.TemplatePart.Literal(text));
                return new Expr.TemplateExpr(parts, false, range);
            }
        }
    }
}
