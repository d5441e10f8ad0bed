package dev.tollgate.policy;

import dev.tollgate.iac.Unknown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a value holds {@link Unknown#VALUE}: the name path of each unknown, list indices dropped
 * ({@code ingress[1].cidr_blocks[0]} is {@code [ingress, cidr_blocks]}), so it can be matched against the
 * field names a condition selects.
 */
final class UnknownPaths {

    private static final int MAX_DEPTH = 64;

    private UnknownPaths() {
    }

    static List<List<String>> of(Object value, List<String> prefix) {
        List<List<String>> out = new ArrayList<>();
        collect(value, new ArrayList<>(prefix), out, 0);
        return out;
    }

    private static void collect(Object value, List<String> path, List<List<String>> out, int depth) {
        if (value instanceof Unknown || depth > MAX_DEPTH) {
            out.add(List.copyOf(path));
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                collect(element, path, out, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                path.add(String.valueOf(entry.getKey()));
                collect(entry.getValue(), path, out, depth + 1);
                path.remove(path.size() - 1);
            }
        }
    }
}
