package dev.tollgate.iac.cloudformation;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a YAML or JSON text into snakeyaml-engine nodes (which keep their positions) within fixed limits:
 * size, nesting depth, aliases, node count; duplicate keys are an error, as CloudFormation rejects them.
 */
final class TemplateYaml {
    static final int MAX_CHARS = 4_000_000;
    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 500_000;

    private TemplateYaml() {
    }

    private static LoadSettings settings() {
        return LoadSettings.builder()
                .setCodePointLimit(MAX_CHARS)
                .setMaxAliasesForCollections(50)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setSchema(new CoreSchema())
                .setUseMarks(true)
                .build();
    }

    /** The documents of the text (null documents left out). */
    static List<Node> load(String text) {
        if (text.length() > MAX_CHARS) {
            throw new TemplateError(0, 0, "file larger than " + MAX_CHARS + " characters, not read");
        }
        try {
            checkDepth(text);
            List<Node> documents = new ArrayList<>();
            for (Node node : new Compose(settings()).composeAllFromString(text)) {
                if (node != null) {
                    checkShape(node);
                    documents.add(node);
                }
            }
            return documents;
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            throw new TemplateError(mark.map(m -> m.getLine() + 1).orElse(0), mark.map(m -> m.getColumn() + 1).orElse(0),
                    "YAML error: " + oneLine(e.getProblem() == null ? e.getMessage() : e.getProblem()));
        } catch (YamlEngineException e) {
            throw new TemplateError(0, 0, "YAML error: " + oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new TemplateError(0, 0, "nesting too deep to read");
        }
    }

    /** The parser is a state machine; the composer recurses, so depth is checked on the events first. */
    private static void checkDepth(String text) {
        int depth = 0;
        for (Event event : new Parse(settings()).parseString(text)) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        Optional<Mark> mark = event.getStartMark();
                        throw new TemplateError(mark.map(m -> m.getLine() + 1).orElse(0),
                                mark.map(m -> m.getColumn() + 1).orElse(0),
                                "nesting deeper than " + MAX_DEPTH + " levels");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
        }
    }

    /** Duplicate keys and, through aliases, a node graph larger than the limit. */
    private static void checkShape(Node root) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        int visited = 0;
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            if (++visited > MAX_NODES) {
                throw new TemplateError(line(root), 0, "more than " + MAX_NODES + " nodes (alias expansion?)");
            }
            if (node instanceof MappingNode mapping) {
                Set<String> keys = new HashSet<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
                        throw new TemplateError(line(key), column(key), "duplicate key '" + shorten(key.getValue()) + "'");
                    }
                    todo.push(tuple.getKeyNode());
                    todo.push(tuple.getValueNode());
                }
            } else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(todo::push);
            }
        }
    }

    static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    static int column(Node node) {
        return node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }

    /** Last line of a node: a block ends at the start of what follows it, column 0 of the next line. */
    static int endLine(Node node) {
        return node.getEndMark().map(m -> m.getColumn() == 0 ? Math.max(m.getLine(), line(node)) : m.getLine() + 1)
                .orElse(line(node));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
