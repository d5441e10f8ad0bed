package dev.tollgate.iac.tfplan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.iac.IacReader;
import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.Unknown;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON of {@code terraform show -json <planfile>}: every managed resource instance the plan will create
 * or keep, from {@code planned_values} (root module and nested {@code child_modules}), as a {@code terraform}
 * resource, so the Terraform rules apply unchanged (nested blocks are lists of maps there too).
 *
 * <ul>
 *   <li>Address as Terraform prints it: {@code module.vpc.aws_s3_bucket.b["k"]}, {@code aws_instance.web[0]}.</li>
 *   <li>Attributes: the planned {@code values}; where {@code resource_changes[].change.after_unknown} is true the
 *       value is {@link Unknown#VALUE} ("known after apply"); sensitive values ({@code sensitive_values}) are
 *       masked as unknown too, so no rule judges or prints them.</li>
 *   <li>References: from the {@code configuration} section's expressions ({@code references}), prefixed with the
 *       module path, so that {@code related.<type>} works as for HCL.</li>
 *   <li>Positions: the plan's {@code configuration} carries no file or line, so findings point into the plan file:
 *       the line of the attribute's key where it has one, else the resource object's first line.</li>
 * </ul>
 * Any {@code .json} is offered to this reader, but only a document with {@code format_version} and
 * {@code planned_values} or {@code resource_changes} at the top is claimed; other JSON is left alone.
 */
public final class TerraformPlanReader implements IacReader {

    static final int MAX_CHARS = 64 * 1024 * 1024;
    private static final Set<String> NOT_RESOURCES = Set.of("var", "local", "data", "module", "each", "count",
            "path", "self", "terraform");

    @Override
    public boolean accepts(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".json") && !p.endsWith(".tf.json") && !p.endsWith(".tfvars.json");
    }

    @Override
    public ParsedFiles read(List<SourceFile> files) {
        List<Resource> resources = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        for (SourceFile file : files) {
            if (!accepts(file.path()) || !mayBePlan(file.text())) {
                continue;
            }
            if (file.text().length() > MAX_CHARS) {
                errors.add(new ScanError(file.path(), 1, 1, "plan JSON larger than " + MAX_CHARS
                        + " characters; not scanned"));
                continue;
            }
            try {
                read(file, resources);
            } catch (JsonProcessingException e) {
                if (namedAsPlan(file.path()) || startsLikePlan(file.text())) {
                    JsonLocation at = e.getLocation();
                    errors.add(new ScanError(file.path(), at == null ? 0 : at.getLineNr(),
                            at == null ? 0 : at.getColumnNr(), "invalid plan JSON: " + e.getOriginalMessage()));
                }
            } catch (IOException | RuntimeException | StackOverflowError e) {
                errors.add(new ScanError(file.path(), 0, 0, "could not read the plan: " + e));
            }
        }
        return new ParsedFiles(resources, errors, List.of());
    }

    /** A cheap test before parsing: the keys a plan must have appear somewhere in the text. */
    private static boolean mayBePlan(String text) {
        return text.contains("\"format_version\"")
                && (text.contains("\"planned_values\"") || text.contains("\"resource_changes\""));
    }

    private static boolean namedAsPlan(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.endsWith(".tfplan.json") || name.equals("tfplan.json") || name.equals("plan.json");
    }

    private static boolean startsLikePlan(String text) {
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        return head.stripLeading().startsWith("{") && head.contains("\"format_version\"");
    }

    private static void read(SourceFile file, List<Resource> out) throws IOException {
        LocatedJson json = LocatedJson.parse(file.text());
        if (!(json.root() instanceof Map<?, ?> root) || !root.containsKey("format_version")
                || !(root.containsKey("planned_values") || root.containsKey("resource_changes"))) {
            return; // JSON, but not a plan: not ours
        }
        Map<String, Map<?, ?>> changes = new HashMap<>();
        for (Object change : list(root.get("resource_changes"))) {
            if (change instanceof Map<?, ?> c && c.get("address") instanceof String address) {
                changes.put(address, c);
            }
        }
        Map<String, Set<String>> references = new HashMap<>();
        if (root.get("configuration") instanceof Map<?, ?> configuration) {
            collectConfiguration(configuration.get("root_module"), "", references);
        }
        PlanContext context = new PlanContext(file.path(), json, changes, references, out);
        if (root.get("planned_values") instanceof Map<?, ?> planned) {
            context.module(planned.get("root_module"), 0);
        } else {
            context.fromChanges();
        }
    }

    /** Configuration resources by module path + {@code type.name}: the resources they refer to. */
    private static void collectConfiguration(Object module, String prefix, Map<String, Set<String>> out) {
        if (!(module instanceof Map<?, ?> m) || prefix.length() > 4096) {
            return;
        }
        for (Object resource : list(m.get("resources"))) {
            if (resource instanceof Map<?, ?> r && r.get("address") instanceof String address) {
                Set<String> refs = new LinkedHashSet<>();
                collectReferences(r.get("expressions"), prefix, refs, 0);
                collectReferences(r.get("count_expression"), prefix, refs, 0);
                collectReferences(r.get("for_each_expression"), prefix, refs, 0);
                refs.remove(prefix + address);
                out.put(prefix + address, refs);
            }
        }
        if (m.get("module_calls") instanceof Map<?, ?> calls) {
            for (Map.Entry<?, ?> call : calls.entrySet()) {
                if (call.getValue() instanceof Map<?, ?> c) {
                    collectConfiguration(c.get("module"), prefix + "module." + call.getKey() + ".", out);
                }
            }
        }
    }

    private static void collectReferences(Object expression, String prefix, Set<String> out, int depth) {
        if (depth > LocatedJson.MAX_DEPTH) {
            return;
        }
        if (expression instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if ("references".equals(entry.getKey())) {
                    for (Object ref : list(entry.getValue())) {
                        if (ref instanceof String s) {
                            String[] parts = s.split("\\.", 3);
                            if (parts.length >= 2 && !NOT_RESOURCES.contains(parts[0])) {
                                String name = parts[1].replaceFirst("\\[.*$", "");
                                out.add(prefix + parts[0] + "." + name);
                            }
                        }
                    }
                } else {
                    collectReferences(entry.getValue(), prefix, out, depth + 1);
                }
            }
        } else if (expression instanceof List<?> list) {
            for (Object element : list) {
                collectReferences(element, prefix, out, depth + 1);
            }
        }
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    /** Everything one plan file needs while its modules are walked. */
    private record PlanContext(String file, LocatedJson json, Map<String, Map<?, ?>> changes,
                               Map<String, Set<String>> references, List<Resource> out) {

        void module(Object module, int depth) {
            if (!(module instanceof Map<?, ?> m) || depth > LocatedJson.MAX_DEPTH) {
                return;
            }
            for (Object resource : list(m.get("resources"))) {
                if (resource instanceof Map<?, ?> r && "managed".equals(r.get("mode"))) {
                    Map<?, ?> change = changes.get(String.valueOf(r.get("address")));
                    Object afterUnknown = change != null && change.get("change") instanceof Map<?, ?> c
                            ? c.get("after_unknown") : null;
                    emit(r, r.get("values"), afterUnknown, r.get("sensitive_values"));
                }
            }
            for (Object child : list(m.get("child_modules"))) {
                module(child, depth + 1);
            }
        }

        /** Without planned_values (an unusual plan), the {@code after} of each change that keeps the resource. */
        void fromChanges() {
            for (Map<?, ?> r : changes.values()) {
                if ("managed".equals(r.get("mode")) && r.get("change") instanceof Map<?, ?> c
                        && !list(c.get("actions")).equals(List.of("delete"))) {
                    emit(r, c.get("after"), c.get("after_unknown"), c.get("after_sensitive"));
                }
            }
        }

        private void emit(Map<?, ?> r, Object values, Object unknown, Object sensitive) {
            if (!(r.get("address") instanceof String address) || !(r.get("type") instanceof String type)) {
                return;
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            if (values instanceof Map<?, ?> v) {
                for (Map.Entry<?, ?> e : v.entrySet()) {
                    attributes.put(String.valueOf(e.getKey()), e.getValue());
                }
                collectLines(v, "", lines, 0);
            }
            Object masked = overlay(attributes, unknown, 0);
            masked = overlay(masked, sensitive, 0);
            @SuppressWarnings("unchecked")
            Map<String, Object> finalAttributes = (Map<String, Object>) masked;
            LocatedJson.Span span = json.span(r);
            String module = address.substring(0, moduleEnd(address)).replaceAll("\\[[^\\]]*\\]", "");
            String config = module + type + "." + r.get("name");
            out.add(new Resource("terraform", type, address, file, span.start(), span.end(), finalAttributes, lines,
                    Set.copyOf(references.getOrDefault(config, Set.of()))));
        }

        /** Attribute paths ({@code ingress[1].cidr_blocks}) and their lines in the plan file. */
        private void collectLines(Object value, String path, Map<String, Integer> lines, int depth) {
            if (depth > LocatedJson.MAX_DEPTH) {
                return;
            }
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String child = path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey();
                    Integer line = json.keyLine(map, String.valueOf(e.getKey()));
                    if (line != null) {
                        lines.put(child, line);
                    }
                    collectLines(e.getValue(), child, lines, depth + 1);
                }
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Object element = list.get(i);
                    LocatedJson.Span span = element == null ? null : json.span(element);
                    if (span != null) {
                        lines.put(path + "[" + i + "]", span.start());
                    }
                    collectLines(element, path + "[" + i + "]", lines, depth + 1);
                }
            }
        }
    }

    /** Length of the module part of an address ({@code module.a["x"].module.b.}), 0 in the root module. */
    static int moduleEnd(String address) {
        int end = 0;
        int i = 0;
        while (address.startsWith("module.", i)) {
            int j = i + "module.".length();
            while (j < address.length() && address.charAt(j) != '.' && address.charAt(j) != '[') {
                j++;
            }
            if (j < address.length() && address.charAt(j) == '[') {
                j = skipIndex(address, j);
            }
            if (j >= address.length() || address.charAt(j) != '.') {
                return end;
            }
            end = j + 1;
            i = end;
        }
        return end;
    }

    private static int skipIndex(String address, int open) {
        boolean quoted = false;
        for (int k = open + 1; k < address.length(); k++) {
            char c = address.charAt(k);
            if (c == '\\' && quoted) {
                k++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return k + 1;
            }
        }
        return address.length();
    }

    /**
     * Puts {@link Unknown#VALUE} wherever {@code mask} (Terraform's {@code after_unknown} or
     * {@code sensitive_values} shape: {@code true} at a masked value, nested maps and lists otherwise) is true,
     * creating the key when the plan left the unknown value out.
     */
    static Object overlay(Object value, Object mask, int depth) {
        if (Boolean.TRUE.equals(mask)) {
            return Unknown.VALUE;
        }
        if (depth > LocatedJson.MAX_DEPTH) {
            return value;
        }
        if (mask instanceof Map<?, ?> m && (value instanceof Map<?, ?> || value == null)) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (value instanceof Map<?, ?> v) {
                v.forEach((k, x) -> out.put(String.valueOf(k), x));
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (value == null && !Boolean.TRUE.equals(e.getValue())) {
                    continue;
                }
                if (out.containsKey(key) || Boolean.TRUE.equals(e.getValue())) {
                    out.put(key, overlay(out.get(key), e.getValue(), depth + 1));
                }
            }
            return value == null && out.isEmpty() ? null : out;
        }
        if (mask instanceof List<?> m && value instanceof List<?> v) {
            List<Object> out = new ArrayList<>(v);
            for (int i = 0; i < m.size(); i++) {
                if (i < out.size()) {
                    out.set(i, overlay(out.get(i), m.get(i), depth + 1));
                } else if (Boolean.TRUE.equals(m.get(i))) {
                    out.add(Unknown.VALUE);
                }
            }
            return out;
        }
        return value;
    }
}
