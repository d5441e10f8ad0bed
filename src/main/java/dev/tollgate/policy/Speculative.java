package dev.tollgate.policy;

import dev.tollgate.iac.Unknown;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nested-block elements whose existence is unknown ({@link Unknown#SPECULATIVE_KEY}): a {@code dynamic} block over
 * an unknown collection. The engine judges a violation twice, with and without them, to tell a finding about
 * their content (known code, reported) from one about their mere presence (unknown, withheld).
 */
final class Speculative {
    private static final int MAX_DEPTH = 64;

    private Speculative() {
    }

    static boolean isSpeculative(Object value) {
        return value instanceof Map<?, ?> map && map.containsKey(Unknown.SPECULATIVE_KEY);
    }

    static boolean present(Object value) {
        return present(value, 0);
    }

    private static boolean present(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (isSpeculative(value)) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> present(v, depth + 1));
        }
        return value instanceof Map<?, ?> map && map.values().stream().anyMatch(v -> present(v, depth + 1));
    }

    /** A copy without the speculative elements: the world in which no such block exists. */
    static Object without(Object value) {
        return without(value, 0);
    }

    private static Object without(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                if (!isSpeculative(element)) {
                    out.add(without(element, depth + 1));
                }
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, without(v, depth + 1)));
            return out;
        }
        return value;
    }

    /** The field names written inside speculative elements (their content). */
    static Set<String> contentNames(Object value) {
        Set<String> names = new HashSet<>();
        collect(value, false, names, 0);
        return names;
    }

    private static void collect(Object value, boolean inside, Set<String> names, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        boolean nowInside = inside || isSpeculative(value);
        if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, nowInside, names, depth + 1));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (nowInside && !Unknown.SPECULATIVE_KEY.equals(k)) {
                    names.add(String.valueOf(k));
                }
                collect(v, nowInside, names, depth + 1);
            });
        }
    }
}
