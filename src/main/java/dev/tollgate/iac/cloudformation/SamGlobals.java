package dev.tollgate.iac.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SAM {@code Globals}: a section (Function, Api, HttpApi, SimpleTable, …) applies to every
 * {@code AWS::Serverless::<section>} resource. As SAM does it: the resource's own scalars win, maps merge, lists
 * are added to (globals first). A global path the resource does not set keeps the line of the Globals section.
 */
final class SamGlobals {

    private SamGlobals() {
    }

    /** Merges a resolved Globals section (with its lines) into a resource's properties and lines, in place. */
    static void merge(Map<String, Object> globals, Map<String, Integer> globalLines,
                      Map<String, Object> properties, Map<String, Integer> lines) {
        mergeMap(globals, properties, "", globalLines, lines);
    }

    @SuppressWarnings("unchecked")
    private static void mergeMap(Map<String, Object> from, Map<String, Object> into, String path,
                                 Map<String, Integer> fromLines, Map<String, Integer> lines) {
        for (Map.Entry<String, Object> entry : from.entrySet()) {
            String childPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            Object own = into.get(entry.getKey());
            if (!into.containsKey(entry.getKey())) {
                into.put(entry.getKey(), entry.getValue());
                copyLines(fromLines, lines, childPath, childPath);
            } else if (own instanceof Map<?, ?> ownMap && entry.getValue() instanceof Map<?, ?> globalMap) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) ownMap);
                mergeMap((Map<String, Object>) globalMap, merged, childPath, fromLines, lines);
                into.put(entry.getKey(), merged);
            } else if (own instanceof List<?> ownList && entry.getValue() instanceof List<?> globalList) {
                shiftItems(lines, childPath, globalList.size(), ownList.size());
                for (int i = 0; i < globalList.size(); i++) {
                    copyLines(fromLines, lines, childPath + "[" + i + "]", childPath + "[" + i + "]");
                }
                List<Object> merged = new ArrayList<>(globalList);
                merged.addAll(ownList);
                into.put(entry.getKey(), merged);
            }
        }
    }

    private static void copyLines(Map<String, Integer> from, Map<String, Integer> into, String fromPath, String toPath) {
        from.forEach((path, line) -> {
            if (path.equals(fromPath) || path.startsWith(fromPath + ".") || path.startsWith(fromPath + "[")) {
                into.putIfAbsent(toPath + path.substring(fromPath.length()), line);
            }
        });
    }

    /** The resource's items {@code path[i]} become {@code path[i + by]}, highest first so none is overwritten. */
    private static void shiftItems(Map<String, Integer> lines, String path, int by, int count) {
        for (int i = count - 1; i >= 0; i--) {
            String from = path + "[" + i + "]";
            String to = path + "[" + (i + by) + "]";
            Map<String, Integer> moved = new LinkedHashMap<>();
            lines.entrySet().removeIf(e -> {
                String p = e.getKey();
                if (p.equals(from) || p.startsWith(from + ".") || p.startsWith(from + "[")) {
                    moved.put(to + p.substring(from.length()), e.getValue());
                    return true;
                }
                return false;
            });
            lines.putAll(moved);
        }
    }
}
