package dev.tollgate.iac.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON in Terraform's form: {@code jsonencode} sorts object keys and escapes {@code < > &} the way Go does. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Limits.MAX_DEPTH)
                    .maxStringLength(Limits.MAX_STRING)
                    .maxNumberLength(100)
                    .build())
            .build());

    private Json() {
    }

    static String encode(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0, true);
        return out.toString();
    }

    /** JSON with object keys in the maps' own order, for documents whose conventional key order matters to readers. */
    static String encodeOrdered(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0, false);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth, boolean sortKeys) {
        if (depth > Limits.MAX_DEPTH) {
            throw new EvalException("value nested too deeply");
        }
        if (out.length() > Limits.MAX_STRING) {
            throw new EvalException("JSON longer than " + Limits.MAX_STRING + " characters");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Boolean || Values.isNumber(value)) {
            out.append(Values.toStr(value));
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out, depth + 1, sortKeys);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            Map<String, Object> entries = sortKeys ? Values.sorted(Values.toMap(map)) : Values.toMap(map);
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out, depth + 1, sortKeys);
            }
            out.append('}');
        } else {
            throw new EvalException("cannot encode a " + Values.typeName(value) + " as JSON");
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Parses JSON text into values; malformed JSON is an {@link EvalException}. */
    static Object decode(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || parser.nextToken() != null) {
                throw new EvalException("invalid JSON");
            }
            return fromNode(node);
        } catch (IOException e) {
            throw new EvalException("invalid JSON: " + e.getMessage());
        }
    }

    /** Like {@link #decode} but for a caller that reports the error itself. */
    static Object decodeOrThrow(String text) throws IOException {
        JsonNode node = MAPPER.readTree(text);
        if (node == null) {
            throw new IOException("empty JSON document");
        }
        return fromNode(node);
    }

    static Object fromNode(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.put(e.getKey(), fromNode(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                out.add(fromNode(item));
            }
            return out;
        }
        if (node.isNumber()) {
            return Values.number(node.decimalValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node.asText();
    }
}
