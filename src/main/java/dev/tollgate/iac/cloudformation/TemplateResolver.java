package dev.tollgate.iac.cloudformation;

import dev.tollgate.iac.Unknown;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates template values statically: intrinsic functions over parameter defaults, conditions and mappings;
 * pseudo parameters, resource attributes and anything built on them are {@link Unknown#VALUE}, never guessed.
 * Records the line of every property path and the resources each value names.
 */
final class TemplateResolver {
    /** {@code Ref: AWS::NoValue}: the key or list item that holds it is removed. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };
    private static final int MAX_STEPS = 2_000_000;
    private static final int MAX_DEPTH = 200;
    private static final int MAX_STRING = 1_000_000;

    /** What resolving one resource's values recorded: lines of property paths and referenced resources. */
    static final class Trace {
        final Map<String, Integer> lines = new LinkedHashMap<>();
        final Set<String> references = new LinkedHashSet<>();
    }

    private final Map<String, MappingNode> parameters;
    private final Map<String, Node> conditions;
    private final MappingNode mappings;
    private final Map<String, String> resourceTypes;
    private final Map<String, Object> conditionValues = new HashMap<>();
    private final Set<String> conditionsInProgress = new HashSet<>();
    private final Set<String> parametersInProgress = new HashSet<>();
    private final Set<String> mappingsInProgress = new HashSet<>();
    private int steps = MAX_STEPS;

    TemplateResolver(Map<String, MappingNode> parameters, Map<String, Node> conditions, MappingNode mappings,
                     Map<String, String> resourceTypes) {
        this.parameters = parameters;
        this.conditions = conditions;
        this.mappings = mappings;
        this.resourceTypes = resourceTypes;
    }

    /** The value of a node; with a path, the lines of the node's keys and items are recorded below it. */
    Object resolve(Node node, String path, Trace trace) {
        return eval(node, path, trace, 0, false);
    }

    /** A named condition: TRUE, FALSE or unknown. */
    Object condition(String name, Trace trace) {
        if (conditionValues.containsKey(name)) {
            return conditionValues.get(name);
        }
        Node definition = conditions.get(name);
        if (definition == null) {
            return Unknown.VALUE;
        }
        if (!conditionsInProgress.add(name)) {
            throw new TemplateError(TemplateYaml.line(definition), TemplateYaml.column(definition),
                    "condition " + name + " depends on itself; CloudFormation rejects circular conditions");
        }
        Object value;
        try {
            value = asCondition(eval(definition, null, trace, 0, true));
        } finally {
            conditionsInProgress.remove(name);
        }
        conditionValues.put(name, value);
        return value;
    }

    private Object eval(Node node, String path, Trace trace, int depth, boolean inCondition) {
        if (--steps < 0) {
            throw new TemplateError(TemplateYaml.line(node), 0, "template too large to evaluate");
        }
        if (depth > MAX_DEPTH) {
            throw new TemplateError(TemplateYaml.line(node), TemplateYaml.column(node), "values nested too deep");
        }
        String function = Intrinsics.shortForm(node);
        if (function != null) {
            return call(function, untagged(node), path, trace, depth + 1, inCondition);
        }
        if (node instanceof MappingNode mapping) {
            String longForm = Intrinsics.longForm(mapping, inCondition || isConditionName(mapping));
            if (longForm != null) {
                return call(longForm, mapping.getValue().get(0).getValueNode(), path, trace, depth + 1, inCondition);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalarText(tuple.getKeyNode());
                String childPath = path == null ? null : path.isEmpty() ? key : path + "." + key;
                Object value = eval(tuple.getValueNode(), childPath, trace, depth + 1, inCondition);
                if (value != NO_VALUE) {
                    out.put(key, value);
                    if (childPath != null) {
                        trace.lines.put(childPath, TemplateYaml.line(tuple.getKeyNode()));
                    }
                }
            }
            return out;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> out = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                String childPath = path == null ? null : path + "[" + out.size() + "]";
                Object value = eval(item, childPath, trace, depth + 1, inCondition);
                if (value != NO_VALUE) {
                    out.add(value);
                    if (childPath != null) {
                        trace.lines.put(childPath, TemplateYaml.line(item));
                    }
                }
            }
            return out;
        }
        return scalar((ScalarNode) node);
    }

    private boolean isConditionName(MappingNode mapping) {
        return mapping.getValue().size() == 1 && mapping.getValue().get(0).getKeyNode() instanceof ScalarNode key
                && key.getValue().equals(Intrinsics.CONDITION)
                && mapping.getValue().get(0).getValueNode() instanceof ScalarNode name
                && conditions.containsKey(name.getValue());
    }

    private Object call(String function, Node args, String path, Trace trace, int depth, boolean inCondition) {
        List<Node> list = args instanceof SequenceNode seq && Intrinsics.shortForm(seq) == null
                ? seq.getValue() : List.of(args);
        return switch (function) {
            case Intrinsics.REF -> ref(text(arg(list, 0, trace, depth)), trace);
            case Intrinsics.CONDITION -> condition(String.valueOf(text(arg(list, 0, trace, depth))), trace);
            case "Fn::GetAtt" -> getAtt(list, trace, depth);
            case "Fn::Sub" -> sub(list, trace, depth);
            case "Fn::Join" -> join(list, trace, depth);
            case "Fn::Select" -> select(list, trace, depth);
            case "Fn::Split" -> split(list, trace, depth);
            case "Fn::FindInMap" -> findInMap(list, trace, depth);
            case "Fn::Base64" -> base64(arg(list, 0, trace, depth));
            case "Fn::If" -> ifThenElse(list, path, trace, depth, inCondition);
            case "Fn::Equals" -> list.size() == 2 ? equalsValues(arg(list, 0, trace, depth), arg(list, 1, trace, depth))
                    : Unknown.VALUE;
            case "Fn::And", "Fn::Or" -> andOr(function.equals("Fn::And"), list, trace, depth);
            case "Fn::Not" -> list.isEmpty() ? Unknown.VALUE : not(asCondition(evalCondition(list.get(0), trace, depth)));
            default -> {
                list.forEach(n -> eval(n, null, trace, depth, inCondition)); // only to note references
                yield Unknown.VALUE;
            }
        };
    }

    private Object arg(List<Node> args, int index, Trace trace, int depth) {
        return index < args.size() ? eval(args.get(index), null, trace, depth, false) : Unknown.VALUE;
    }

    private Object evalCondition(Node node, Trace trace, int depth) {
        return eval(node, null, trace, depth, true);
    }

    private Object ref(Object name, Trace trace) {
        if (!(name instanceof String n)) {
            return Unknown.VALUE;
        }
        if (n.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (parameters.containsKey(n)) {
            if (!parametersInProgress.add(n)) {
                MappingNode parameter = parameters.get(n);
                throw new TemplateError(TemplateYaml.line(parameter), TemplateYaml.column(parameter),
                        "parameter " + n + " refers to itself; a parameter's Default must be a literal value");
            }
            try {
                return parameterValue(parameters.get(n), trace);
            } finally {
                parametersInProgress.remove(n);
            }
        }
        String type = resourceTypes.get(n);
        if (type != null) {
            trace.references.add(type + "." + n);
        }
        return Unknown.VALUE; // a resource, a pseudo parameter (AWS::Region ...) or an undefined name
    }

    private Object parameterValue(MappingNode parameter, Trace trace) {
        Node typeNode = child(parameter, "Type");
        String type = typeNode instanceof ScalarNode s ? s.getValue() : "";
        Node defaultNode = child(parameter, "Default");
        if (defaultNode == null || type.startsWith("AWS::SSM::Parameter::Value")) {
            return Unknown.VALUE; // the deployer supplies it, or the default names an SSM parameter, not its value
        }
        Object value = eval(defaultNode, null, trace, 0, false);
        if (value instanceof String s && (type.equals("CommaDelimitedList") || type.startsWith("List<"))) {
            List<Object> items = new ArrayList<>();
            for (String part : s.split(",", -1)) {
                items.add(part.trim());
            }
            return items;
        }
        return value;
    }

    private Object getAtt(List<Node> args, Trace trace, int depth) {
        Object first = arg(args, 0, trace, depth);
        if (first instanceof String s) {
            String logicalId = args.size() == 1 && s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
            String type = resourceTypes.get(logicalId);
            if (type != null) {
                trace.references.add(type + "." + logicalId);
            }
        }
        return Unknown.VALUE;
    }

    private Object sub(List<Node> args, Trace trace, int depth) {
        Object template = arg(args, 0, trace, depth);
        Object variables = args.size() > 1 ? arg(args, 1, trace, depth) : Map.of();
        if (!(template instanceof String text) || !(variables instanceof Map<?, ?> vars)) {
            return Unknown.VALUE;
        }
        StringBuilder out = new StringBuilder();
        boolean known = true;
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            int end = start < 0 ? -1 : text.indexOf('}', start + 2);
            if (start < 0 || end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            String name = text.substring(start + 2, end).trim();
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}'); // ${!Literal}
            } else {
                Object value = subVariable(name, vars, trace);
                String part = asText(value);
                if (part == null) {
                    known = false;
                } else {
                    out.append(part);
                }
            }
            i = end + 1;
        }
        return known ? bounded(out) : Unknown.VALUE;
    }

    private Object subVariable(String name, Map<?, ?> vars, Trace trace) {
        if (vars.containsKey(name)) {
            return vars.get(name);
        }
        int dot = name.indexOf('.');
        if (dot > 0 && resourceTypes.containsKey(name.substring(0, dot))) {
            trace.references.add(resourceTypes.get(name.substring(0, dot)) + "." + name.substring(0, dot));
            return Unknown.VALUE;
        }
        return ref(name, trace);
    }

    private Object join(List<Node> args, Trace trace, int depth) {
        Object delimiter = arg(args, 0, trace, depth);
        Object items = arg(args, 1, trace, depth);
        if (!(delimiter instanceof String d) || !(items instanceof List<?> list)) {
            return Unknown.VALUE;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            String part = asText(list.get(i));
            if (part == null) {
                return Unknown.VALUE;
            }
            out.append(i == 0 ? "" : d).append(part);
        }
        return bounded(out);
    }

    private Object select(List<Node> args, Trace trace, int depth) {
        Object index = arg(args, 0, trace, depth);
        Object items = arg(args, 1, trace, depth);
        String indexText = asText(index);
        if (indexText == null || !indexText.matches("\\d{1,9}") || !(items instanceof List<?> list)) {
            return Unknown.VALUE;
        }
        int i = Integer.parseInt(indexText);
        return i < list.size() ? list.get(i) : Unknown.VALUE;
    }

    private Object split(List<Node> args, Trace trace, int depth) {
        Object delimiter = arg(args, 0, trace, depth);
        Object source = arg(args, 1, trace, depth);
        if (!(delimiter instanceof String d) || d.isEmpty() || !(source instanceof String s)) {
            return Unknown.VALUE;
        }
        List<Object> parts = new ArrayList<>();
        int from = 0;
        for (int at = s.indexOf(d); at >= 0; at = s.indexOf(d, from)) {
            parts.add(s.substring(from, at));
            from = at + d.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    private Object findInMap(List<Node> args, Trace trace, int depth) {
        String[] keys = new String[3];
        for (int i = 0; i < 3; i++) {
            keys[i] = asText(arg(args, i, trace, depth));
        }
        Object fallback = Unknown.VALUE;
        if (args.size() > 3 && arg(args, 3, trace, depth) instanceof Map<?, ?> options
                && options.containsKey("DefaultValue")) {
            fallback = options.get("DefaultValue");
        }
        if (keys[0] == null || keys[1] == null || keys[2] == null) {
            return Unknown.VALUE;
        }
        Node node = mappings;
        for (String key : keys) {
            node = node instanceof MappingNode m ? child(m, key) : null;
        }
        if (node == null) {
            return fallback;
        }
        String entry = String.join(".", keys);
        if (!mappingsInProgress.add(entry)) {
            throw new TemplateError(TemplateYaml.line(node), TemplateYaml.column(node),
                    "mapping " + entry + " refers to itself through Fn::FindInMap; mapping values must be literals");
        }
        try {
            return eval(node, null, trace, depth, false);
        } finally {
            mappingsInProgress.remove(entry);
        }
    }

    private Object base64(Object value) {
        return value instanceof String s
                ? Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) : Unknown.VALUE;
    }

    private Object ifThenElse(List<Node> args, String path, Trace trace, int depth, boolean inCondition) {
        if (args.size() != 3) {
            return Unknown.VALUE;
        }
        Object name = arg(args, 0, trace, depth);
        Object chosen = name instanceof String n ? condition(n, trace) : Unknown.VALUE;
        if (chosen instanceof Boolean b) {
            return eval(args.get(b ? 1 : 2), path, trace, depth, inCondition);
        }
        Object whenTrue = eval(args.get(1), null, trace, depth, inCondition);
        Object whenFalse = eval(args.get(2), null, trace, depth, inCondition);
        return Objects.equals(whenTrue, whenFalse) && whenTrue != NO_VALUE ? whenTrue : Unknown.VALUE;
    }

    private Object andOr(boolean and, List<Node> args, Trace trace, int depth) {
        boolean unknown = false;
        for (Node node : args) {
            Object value = asCondition(evalCondition(node, trace, depth));
            if (value instanceof Boolean b) {
                if (b != and) {
                    return !and; // a false in And, a true in Or decides
                }
            } else {
                unknown = true;
            }
        }
        return unknown ? Unknown.VALUE : and;
    }

    private static Object not(Object value) {
        return value instanceof Boolean b ? !b : Unknown.VALUE;
    }

    private static Object equalsValues(Object a, Object b) {
        if (containsUnknown(a) || containsUnknown(b)) {
            return Unknown.VALUE;
        }
        return Objects.equals(normalized(a), normalized(b));
    }

    private static Object asCondition(Object value) {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        return Unknown.VALUE;
    }

    /** CloudFormation compares scalars as strings: {@code !Equals [0, "0"]} is true. */
    private static Object normalized(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(TemplateResolver::normalized).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, normalized(v)));
            return out;
        }
        return value == null ? null : value.toString();
    }

    static boolean containsUnknown(Object value) {
        if (value instanceof Unknown) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(TemplateResolver::containsUnknown);
        }
        return value instanceof Map<?, ?> map && map.values().stream().anyMatch(TemplateResolver::containsUnknown);
    }

    /** A scalar as the text CloudFormation would splice in, or null when it is unknown or not a scalar. */
    private static String asText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Long || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() ? String.valueOf(d.longValue()) : d.toString();
        }
        return null;
    }

    private static Object text(Object value) {
        String text = asText(value);
        return text == null ? Unknown.VALUE : text;
    }

    private static Object bounded(StringBuilder text) {
        if (text.length() > MAX_STRING) {
            throw new TemplateError(0, 0, "a string built by Fn::Join/Fn::Sub is longer than " + MAX_STRING);
        }
        return text.toString();
    }

    static Object scalar(ScalarNode node) {
        String value = node.getValue();
        Tag tag = node.getTag();
        try {
            if (tag.equals(Tag.INT)) {
                return integer(value);
            }
            if (tag.equals(Tag.FLOAT)) {
                return floating(value);
            }
        } catch (NumberFormatException e) {
            return value;
        }
        if (tag.equals(Tag.BOOL)) {
            return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
        }
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        return value;
    }

    private static Object integer(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        if (t.startsWith("0x")) {
            return Long.parseLong(t.substring(2), 16);
        }
        if (t.startsWith("0o")) {
            return Long.parseLong(t.substring(2), 8);
        }
        return Long.parseLong(t);
    }

    private static Object floating(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.endsWith(".inf")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (t.equals(".nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(text);
    }

    static String scalarText(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : "?";
    }

    static Node child(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    /** The content of a short-form call without its tag, so that it is read as the arguments. */
    private static Node untagged(Node node) {
        if (node instanceof ScalarNode s) {
            return new ScalarNode(Tag.STR, true, s.getValue(), s.getScalarStyle(), s.getStartMark(), s.getEndMark());
        }
        if (node instanceof SequenceNode s) {
            return new SequenceNode(Tag.SEQ, true, s.getValue(), s.getFlowStyle(), s.getStartMark(), s.getEndMark());
        }
        MappingNode m = (MappingNode) node;
        return new MappingNode(Tag.MAP, true, m.getValue(), m.getFlowStyle(), m.getStartMark(), m.getEndMark());
    }
}
