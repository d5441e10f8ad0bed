package dev.tollgate.iac.kubernetes;

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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits a YAML stream into its documents and reads each one on its own into plain values (Map, List, String,
 * Long, Double, Boolean, null) with the source line of every path. One broken document is an error on that
 * document; the others are still read. Bounded: code points per file, aliases, nesting depth, and the number
 * of values a document may expand to (alias bombs).
 */
final class YamlDocuments {

    static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_VALUES_PER_DOCUMENT = 200_000;
    static final int MAX_ALIASES = 50;

    /** A document marker at column 0: {@code ---} alone or followed by a space (a comment, a tag, a value). */
    private static final Pattern DOCUMENT_START = Pattern.compile("---(?:[ \\t].*)?");
    private static final Pattern DIRECTIVE_OR_BLANK = Pattern.compile("\\s*(?:#.*)?|%.*|\\.\\.\\.\\s*");

    /**
     * One document of the stream.
     *
     * @param index     position among the documents that hold something (what checkov calls the doc index)
     * @param startLine first line of its text (1-based), the {@code ---} marker when there is one
     * @param value     the root value, or null when {@code error} is set
     * @param lines     source line of each path ({@code spec.containers[0].image}; {@code ""} = the root)
     * @param endLine   last line of the root value
     * @param error     what made it unreadable, or null
     */
    record Document(int index, int startLine, Object value, Map<String, Integer> lines, int endLine,
                    Problem error) {
    }

    /** Why a document could not be read, at a 1-based line and column (0 when not known). */
    record Problem(int line, int column, String message) {
    }

    private YamlDocuments() {
    }

    /** The documents of a stream, in order; empty documents (only comments, markers) are left out. */
    static List<Document> read(String text) {
        List<Document> documents = new ArrayList<>();
        for (Chunk chunk : split(text)) {
            documents.add(readChunk(documents.size(), chunk));
        }
        return documents;
    }

    /** The first line (1-based) of every non-empty document, in order; a document's index is its position. */
    static List<Integer> documentStartLines(String text) {
        return split(text).stream().map(c -> c.firstLine + 1).toList();
    }

    private record Chunk(int firstLine, String text) {
    }

    /**
     * Document markers at column 0 cannot occur inside an indented block, and a Kubernetes manifest has no
     * top-level block scalar, so splitting on them gives each document its own parse and its own errors.
     */
    private static List<Chunk> split(String text) {
        List<Chunk> chunks = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int start = 0;
        for (int i = 1; i <= lines.length; i++) {
            if (i == lines.length || DOCUMENT_START.matcher(lines[i]).matches()) {
                addChunk(chunks, lines, start, i);
                start = i;
            }
        }
        return chunks;
    }

    private static void addChunk(List<Chunk> chunks, String[] lines, int from, int to) {
        boolean content = false;
        for (int i = from; i < to && !content; i++) {
            String line = lines[i];
            if (i == from && DOCUMENT_START.matcher(line).matches()) {
                line = line.substring(3);
            }
            content = !DIRECTIVE_OR_BLANK.matcher(line).matches();
        }
        if (content) {
            chunks.add(new Chunk(from, String.join("\n", java.util.Arrays.asList(lines).subList(from, to))));
        }
    }

    private static LoadSettings settings() {
        return LoadSettings.builder()
                .setCodePointLimit(MAX_CODE_POINTS)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(true) // the converter below reports duplicates with their line
                .setUseMarks(true)
                .build();
    }

    private static Document readChunk(int index, Chunk chunk) {
        int offset = chunk.firstLine;
        try {
            checkDepth(chunk.text, offset);
            Optional<Node> root = new Compose(settings()).composeString(chunk.text);
            if (root.isEmpty()) {
                return new Document(index, offset + 1, null, Map.of(), offset + 1, null);
            }
            Converter converter = new Converter(offset);
            Map<String, Integer> lines = new LinkedHashMap<>();
            Object value = converter.convert(root.get(), "", lines, 0);
            int endLine = root.get().getEndMark().map(m -> m.getLine() + offset + (m.getColumn() == 0 ? 0 : 1))
                    .orElse(offset + 1);
            return new Document(index, offset + 1, value, lines, Math.max(endLine, offset + 1), null);
        } catch (LimitExceeded e) {
            return failed(index, offset, e.line, e.column, e.getMessage());
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            return failed(index, offset, mark.map(m -> m.getLine() + offset + 1).orElse(offset + 1),
                    mark.map(m -> m.getColumn() + 1).orElse(0), "invalid YAML: " + oneLine(e.getProblem()));
        } catch (YamlEngineException e) {
            return failed(index, offset, offset + 1, 0, "invalid YAML: " + oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            return failed(index, offset, offset + 1, 0, "YAML nested too deeply");
        }
    }

    private static Document failed(int index, int offset, int line, int column, String message) {
        return new Document(index, offset + 1, null, Map.of(), offset + 1, new Problem(line, column, message));
    }

    private static String oneLine(String message) {
        String text = message == null ? "unreadable" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** The composer recurses per level: refuse deep nesting from the (iterative) event stream first. */
    private static void checkDepth(String text, int offset) {
        int depth = 0;
        for (Event event : new Parse(settings()).parseString(text)) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        Mark mark = event.getStartMark().orElse(null);
                        throw new LimitExceeded("YAML nested deeper than " + MAX_DEPTH + " levels",
                                mark == null ? offset + 1 : mark.getLine() + offset + 1,
                                mark == null ? 0 : mark.getColumn() + 1);
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
        }
    }

    private static final class LimitExceeded extends RuntimeException {
        final int line;
        final int column;

        LimitExceeded(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    /** Nodes to values; counts every value produced so that aliases cannot multiply a document unboundedly. */
    private static final class Converter {
        private final int offset;
        private int values;

        Converter(int offset) {
            this.offset = offset;
        }

        Object convert(Node node, String path, Map<String, Integer> lines, int depth) {
            if (++values > MAX_VALUES_PER_DOCUMENT) {
                throw limit(node, "document expands to more than " + MAX_VALUES_PER_DOCUMENT
                        + " values (alias bomb?)");
            }
            if (depth > MAX_DEPTH) {
                throw limit(node, "YAML nested deeper than " + MAX_DEPTH + " levels (recursive alias?)");
            }
            lines.putIfAbsent(path, line(node));
            if (node instanceof ScalarNode scalar) {
                return Scalars.resolve(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>(sequence.getValue().size());
                for (Node item : sequence.getValue()) {
                    list.add(convert(item, path + "[" + list.size() + "]", lines, depth + 1));
                }
                return list;
            }
            MappingNode mapping = (MappingNode) node;
            Map<String, Object> map = new LinkedHashMap<>();
            List<Node> merges = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (keyNode instanceof ScalarNode k && k.isPlain() && k.getValue().equals("<<")) {
                    merges.add(tuple.getValueNode());
                    continue;
                }
                String key = keyNode instanceof ScalarNode k ? k.getValue() : String.valueOf(
                        convert(keyNode, path + ".<key>", new LinkedHashMap<>(), depth + 1));
                String childPath = path.isEmpty() ? key : path + "." + key;
                if (map.containsKey(key)) {
                    // a reviewer reads the first value, the API server may take the last: neither can be trusted
                    throw new LimitExceeded("duplicate key '" + key + "' (also at line " + lines.get(childPath)
                            + "): remove one of them", line(keyNode),
                            keyNode.getStartMark().map(m -> m.getColumn() + 1).orElse(0));
                }
                lines.put(childPath, line(keyNode));
                map.put(key, convert(tuple.getValueNode(), childPath, lines, depth + 1));
            }
            for (Node merge : merges) {
                List<Node> sources = merge instanceof SequenceNode s ? s.getValue() : List.of(merge);
                for (Node source : sources) {
                    if (source instanceof MappingNode) {
                        Map<String, Integer> ignored = new LinkedHashMap<>();
                        Object merged = convert(source, path, ignored, depth + 1);
                        ((Map<?, ?>) merged).forEach((k, v) -> map.putIfAbsent((String) k, v));
                    }
                }
            }
            return map;
        }

        private int line(Node node) {
            return node.getStartMark().map(m -> m.getLine() + offset + 1).orElse(offset + 1);
        }

        private LimitExceeded limit(Node node, String message) {
            return new LimitExceeded(message, line(node),
                    node.getStartMark().map(m -> m.getColumn() + 1).orElse(0));
        }
    }
}
