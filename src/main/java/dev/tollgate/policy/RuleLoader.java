package dev.tollgate.policy;

import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.cel.CelConditions;
import dev.tollgate.policy.cel.CompiledCondition;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads rule YAML files: one control per file, {@code <provider>/<service>/<ID>.yaml}, examples in
 * {@code <provider>/<service>/<ID>/pass*.*} and {@code fail*.*}. Any problem is a {@link RuleLoadException}
 * naming the file and the field.
 */
public final class RuleLoader {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+){1,5}");
    private static final Set<String> FIELDS = Set.of("id", "title", "severity", "category", "description",
            "remediation", "frameworks", "equivalents", "targets");
    private static final Set<String> TARGET_FIELDS = Set.of("format", "types", "condition", "at", "each",
            "message", "suggestion", "secret", "remediation");
    private static final Set<String> FORMATS = Set.of("terraform", "cloudformation", "kubernetes", "dockerfile",
            "any");

    private RuleLoader() {
    }

    /** The rules packaged with Tollgate. */
    public static List<Rule> builtIn() {
        return load(RuleFiles.builtIn(), "rules/");
    }

    /** The rules of a directory given by {@code --rules DIR}. */
    public static List<Rule> fromDirectory(Path dir) {
        return load(RuleFiles.fromDirectory(dir), dir.toString().replace('\\', '/') + "/");
    }

    /** Loads rules from files keyed by their path under the rules root; {@code label} prefixes paths in errors. */
    static List<Rule> load(Map<String, String> files, String label) {
        List<Rule> rules = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        List<String> yamlFiles = files.keySet().stream().filter(RuleLoader::isYaml).toList();
        Set<String> exampleFolders = new java.util.HashSet<>();
        yamlFiles.forEach(path -> exampleFolders.add(exampleFolder(path)));
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            if (!isYaml(path) || isInside(path, exampleFolders)) {
                continue; // examples may be YAML too (Kubernetes, CloudFormation, secrets)
            }
            Rule rule = parse(label + path, file.getValue(), examplesOf(files, path, label));
            String previous = seen.put(rule.id(), rule.source());
            if (previous != null) {
                throw new RuleLoadException(rule.source(), "id", "'" + rule.id() + "' is also defined in " + previous);
            }
            rules.add(rule);
        }
        return List.copyOf(rules);
    }

    private static boolean isYaml(String path) {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }

    private static String exampleFolder(String rulePath) {
        return rulePath.substring(0, rulePath.lastIndexOf('.')) + "/";
    }

    private static boolean isInside(String path, Set<String> folders) {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (folders.contains(path.substring(0, slash + 1))) {
                return true;
            }
        }
        return false;
    }

    private static List<RuleExample> examplesOf(Map<String, String> files, String rulePath, String label) {
        String folder = exampleFolder(rulePath);
        List<RuleExample> examples = new ArrayList<>();
        files.forEach((path, text) -> {
            if (!path.startsWith(folder)) {
                return;
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.startsWith("pass") || name.startsWith("fail")) {
                examples.add(new RuleExample(new SourceFile(label + path, text), name.startsWith("fail")));
            }
        });
        return List.copyOf(examples);
    }

    /** Parses one rule file. */
    public static Rule parse(String source, String yaml, List<RuleExample> examples) {
        Object document;
        try {
            document = new Load(LoadSettings.builder()
                    .setMaxAliasesForCollections(20)
                    .setAllowDuplicateKeys(false)
                    .setCodePointLimit(RuleFiles.MAX_FILE_BYTES)
                    .setLabel(source)
                    .build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new RuleLoadException(source, null, "not valid YAML: " + e.getMessage());
        }
        Fields fields = new Fields(source, "", document);
        fields.onlyKnown(FIELDS);
        String id = fields.string("id", true);
        if (!ID.matcher(id).matches()) {
            throw new RuleLoadException(source, "id", "'" + id + "' is not an id like TG-AWS-S3-001");
        }
        String stem = source.substring(source.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        if (!stem.equals(id)) {
            throw new RuleLoadException(source, "id", "'" + id + "' differs from the file name '" + stem + "'");
        }
        String severityText = fields.string("severity", true);
        Severity severity;
        try {
            severity = Severity.parse(severityText);
        } catch (IllegalArgumentException e) {
            throw new RuleLoadException(source, "severity",
                    "'" + severityText + "' is not one of critical, high, medium, low");
        }
        List<RuleTarget> targets = new ArrayList<>();
        List<Object> targetNodes = fields.list("targets", true);
        if (targetNodes.isEmpty()) {
            throw new RuleLoadException(source, "targets", "at least one target is required");
        }
        for (int i = 0; i < targetNodes.size(); i++) {
            targets.add(target(new Fields(source, "targets[" + i + "].", targetNodes.get(i))));
        }
        return new Rule(id, fields.string("title", true), severity, fields.string("category", true),
                fields.string("description", true), fields.string("remediation", true),
                fields.stringLists("frameworks"), fields.stringLists("equivalents"), List.copyOf(targets), source,
                examples);
    }

    private static RuleTarget target(Fields fields) {
        fields.onlyKnown(TARGET_FIELDS);
        String format = fields.string("format", true);
        if (!FORMATS.contains(format)) {
            throw fields.error("format", "'" + format + "' is not one of " + FORMATS);
        }
        List<String> secretKinds = fields.stringOrList("secret");
        if (!secretKinds.isEmpty()) {
            if (!format.equals("any")) {
                throw fields.error("format", "a secret target takes format 'any'");
            }
            return new RuleTarget(format, List.of(), null, List.of(), null, template(fields, "message"), null,
                    secretKinds, remediation(fields));
        }
        if (format.equals("any")) {
            throw fields.error("secret", "a target of format 'any' must name the secret kinds it reports");
        }
        List<String> types = fields.stringOrList("types");
        if (types.isEmpty()) {
            throw fields.error("types", "at least one resource type is required");
        }
        String conditionText = fields.string("condition", true);
        CompiledCondition condition;
        try {
            condition = CelConditions.compile(conditionText);
        } catch (IllegalArgumentException e) {
            throw fields.error("condition", "does not compile: " + e.getMessage());
        }
        return new RuleTarget(format, types, condition, fields.stringOrList("at"), fields.string("each", false),
                template(fields, "message"), template(fields, "suggestion"), List.of(), remediation(fields));
    }

    /** Optional, but when given it must say something: an empty one would hide the rule's. */
    private static String remediation(Fields fields) {
        String text = fields.string("remediation", false);
        if (text != null && text.isEmpty()) {
            throw fields.error("remediation", "must not be empty (omit it to use the rule's remediation)");
        }
        return text;
    }

    private static MessageTemplate template(Fields fields, String name) {
        String text = fields.string(name, false);
        if (text == null) {
            return null;
        }
        try {
            return MessageTemplate.parse(text);
        } catch (IllegalArgumentException e) {
            throw fields.error(name, e.getMessage());
        }
    }

    /** Typed access to a YAML mapping, with errors that name the file and the field. */
    private record Fields(String source, String prefix, Map<?, ?> map) {

        Fields(String source, String prefix, Object node) {
            this(source, prefix, asMap(source, prefix, node));
        }

        private static Map<?, ?> asMap(String source, String prefix, Object node) {
            if (node instanceof Map<?, ?> m) {
                return m;
            }
            throw new RuleLoadException(source, prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                    "expected a mapping of fields");
        }

        RuleLoadException error(String field, String problem) {
            return new RuleLoadException(source, prefix + field, problem);
        }

        void onlyKnown(Set<String> known) {
            for (Object key : map.keySet()) {
                if (!known.contains(String.valueOf(key))) {
                    throw error(String.valueOf(key), "unknown field (expected one of " + known + ")");
                }
            }
        }

        String string(String field, boolean required) {
            Object value = map.get(field);
            if (value == null) {
                if (required) {
                    throw error(field, "is required");
                }
                return null;
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw error(field, "expected text");
            }
            String text = String.valueOf(value).trim();
            if (required && text.isEmpty()) {
                throw error(field, "must not be empty");
            }
            return text;
        }

        List<Object> list(String field, boolean required) {
            Object value = map.get(field);
            if (value == null && !required) {
                return List.of();
            }
            if (value instanceof List<?> list) {
                return new ArrayList<>(list);
            }
            throw error(field, value == null ? "is required" : "expected a list");
        }

        List<String> stringOrList(String field) {
            Object value = map.get(field);
            if (value == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (Object element : value instanceof List<?> list ? list : List.of(value)) {
                if (element == null || element instanceof Map<?, ?> || element instanceof List<?>) {
                    throw error(field, "expected text or a list of text");
                }
                out.add(String.valueOf(element).trim());
            }
            return List.copyOf(out);
        }

        Map<String, List<String>> stringLists(String field) {
            Object value = map.get(field);
            if (value == null) {
                return Map.of();
            }
            Fields inner = new Fields(source, prefix + field + ".", value);
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (Object key : inner.map.keySet()) {
                out.put(String.valueOf(key), inner.stringOrList(String.valueOf(key)));
            }
            return java.util.Collections.unmodifiableMap(out);
        }
    }
}
