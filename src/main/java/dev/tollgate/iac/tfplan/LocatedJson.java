package dev.tollgate.iac.tfplan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as plain Java values (Map, List, String, Long, Double, Boolean, null) that remembers where each
 * object and array starts and ends and on which line each object key stands, so that findings on a plan can point
 * at the resource in the file. Jackson's tree model forgets locations; its streaming parser gives them.
 */
final class LocatedJson {

    static final int MAX_DEPTH = 128;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(8 * 1024 * 1024).build())
            .build();

    /** First and last line of a container. */
    record Span(int start, int end) {
    }

    private final Map<Object, Span> spans = new IdentityHashMap<>();
    private final Map<Object, Map<String, Integer>> keyLines = new IdentityHashMap<>();
    private Object root;

    /** Parses the text; throws Jackson's exception (with its location) when it is not JSON. */
    static LocatedJson parse(String text) throws IOException {
        LocatedJson json = new LocatedJson();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            json.root = token == null ? null : json.value(parser, token);
            if (parser.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "content after the top-level value");
            }
        }
        return json;
    }

    Object root() {
        return root;
    }

    Span span(Object container) {
        return spans.get(container);
    }

    /** Line of {@code key} in this object, or null. */
    Integer keyLine(Object object, String key) {
        Map<String, Integer> lines = keyLines.get(object);
        return lines == null ? null : lines.get(key);
    }

    private Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                Map<String, Integer> lines = new LinkedHashMap<>();
                int start = parser.currentTokenLocation().getLineNr();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    lines.put(key, parser.currentTokenLocation().getLineNr());
                    map.put(key, value(parser, parser.nextToken()));
                }
                spans.put(map, new Span(start, parser.currentTokenLocation().getLineNr()));
                keyLines.put(map, lines);
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                int start = parser.currentTokenLocation().getLineNr();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t));
                }
                spans.put(list, new Span(start, parser.currentTokenLocation().getLineNr()));
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getDoubleValue()
                        : parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected token " + token);
        }
    }
}
