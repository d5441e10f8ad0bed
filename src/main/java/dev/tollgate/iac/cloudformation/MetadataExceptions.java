package dev.tollgate.iac.cloudformation;

import dev.tollgate.iac.DeclaredException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Metadata: {tollgate: {exceptions: [{rule, owner, expires, reason}]}}} (or a single map) as exceptions in
 * the comment form {@code RULE owner=… expires=… reason="…"}. Missing fields stay missing, so that the exception
 * resolver names what is missing, exactly as for a comment.
 */
final class MetadataExceptions {

    private MetadataExceptions() {
    }

    static List<DeclaredException> of(String file, String address, Node metadata) {
        List<DeclaredException> out = new ArrayList<>();
        if (!(metadata instanceof MappingNode meta)
                || !(TemplateResolver.child(meta, "tollgate") instanceof MappingNode tollgate)) {
            return out;
        }
        Node exceptions = TemplateResolver.child(tollgate, "exceptions");
        List<Node> entries = exceptions instanceof SequenceNode seq ? seq.getValue()
                : exceptions == null ? List.of() : List.of(exceptions);
        for (Node entry : entries) {
            out.add(new DeclaredException(file, TemplateYaml.line(entry), address, text(entry)));
        }
        return out;
    }

    private static String text(Node entry) {
        if (!(entry instanceof MappingNode fields)) {
            return ""; // not a map: no rule, owner, expires or reason, which the resolver reports
        }
        StringBuilder text = new StringBuilder();
        String rule = field(fields, "rule");
        if (rule != null) {
            text.append(rule.replaceAll("\\s+", ""));
        }
        for (String key : List.of("owner", "expires", "reason")) {
            String value = field(fields, key);
            if (value != null) {
                text.append(text.isEmpty() ? "" : " ").append(key).append('=').append(quoted(value, key.equals("reason")));
            }
        }
        return text.toString();
    }

    private static String field(MappingNode fields, String key) {
        Node node = TemplateResolver.child(fields, key);
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode seq && key.equals("rule")) {
            List<String> ids = seq.getValue().stream().filter(ScalarNode.class::isInstance)
                    .map(n -> ((ScalarNode) n).getValue()).toList();
            return String.join(",", ids);
        }
        return null;
    }

    private static String quoted(String value, boolean always) {
        String oneLine = value.replaceAll("[\\r\\n]+", " ");
        if (!always && !oneLine.isEmpty() && oneLine.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')) {
            return oneLine;
        }
        return '"' + oneLine.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
