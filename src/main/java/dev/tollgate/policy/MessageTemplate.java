package dev.tollgate.policy;

import dev.tollgate.policy.cel.CelConditions;
import dev.tollgate.policy.cel.CelValues;
import dev.tollgate.policy.cel.CompiledCondition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text with {@code {{ cel }}} placeholders, e.g. {@code "port {{ it.from_port }} open to {{ it.cidr_blocks }}"}.
 * A placeholder that cannot be evaluated renders as {@code ?}: a message never fails a finding.
 */
public final class MessageTemplate {

    private static final int MAX_RENDERED = 500;
    private final String text;
    private final List<Object> parts; // String literals and CompiledCondition placeholders

    private MessageTemplate(String text, List<Object> parts) {
        this.text = text;
        this.parts = parts;
    }

    /** @throws IllegalArgumentException when a placeholder is unclosed or does not compile */
    public static MessageTemplate parse(String text) {
        List<Object> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                parts.add(text.substring(at));
                break;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{{' at character " + (open + 1));
            }
            parts.add(text.substring(at, open));
            parts.add(CelConditions.compile(text.substring(open + 2, close).trim()));
            at = close + 2;
        }
        return new MessageTemplate(text, List.copyOf(parts));
    }

    public String text() {
        return text;
    }

    public String render(Map<String, ?> variables) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String literal) {
                out.append(literal);
            } else {
                out.append(show(evaluate((CompiledCondition) part, variables)));
            }
        }
        return out.length() > MAX_RENDERED ? out.substring(0, MAX_RENDERED) + "…" : out.toString();
    }

    private static Object evaluate(CompiledCondition expression, Map<String, ?> variables) {
        try {
            return expression.evaluate(variables);
        } catch (Exception | StackOverflowError e) {
            return "?";
        }
    }

    private static String show(Object value) {
        if (CelValues.UNKNOWN_PLACEHOLDER.equals(value)) {
            return "(unknown)";
        }
        if (value instanceof List<?> list) {
            List<String> shown = new ArrayList<>();
            list.forEach(v -> shown.add(show(v)));
            return "[" + String.join(", ", shown) + "]";
        }
        if (value == null || value == com.google.protobuf.NullValue.NULL_VALUE) {
            return "null";
        }
        if (value instanceof java.util.Optional<?> optional) {
            return optional.map(MessageTemplate::show).orElse("(absent)");
        }
        return String.valueOf(value);
    }
}
