package dev.tollgate.policy.cel;

import dev.tollgate.iac.Unknown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts resource attributes into the values CEL works with: integers as Long, decimals as Double, null as
 * CEL null, and {@link Unknown#VALUE} as {@link #UNKNOWN_PLACEHOLDER}, a string no real configuration holds.
 * The placeholder lets an expression run to the end; whether the verdict may be trusted is decided apart
 * (see {@link CompiledCondition#reads}).
 */
public final class CelValues {

    /** What CEL's {@code null} is at runtime in this version of dev.cel. */
    public static final Object NULL_VALUE = com.google.protobuf.NullValue.NULL_VALUE;
    static final Object NULL = com.google.protobuf.NullValue.NULL_VALUE;
    public static final String UNKNOWN_PLACEHOLDER = "\u0000tollgate:unknown\u0000";
    private static final int MAX_DEPTH = 64;

    private CelValues() {
    }

    public static Object toCel(Object value) {
        return toCel(value, 0);
    }

    private static Object toCel(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return UNKNOWN_PLACEHOLDER; // deeper than any real configuration: treat as not known
        }
        if (value == null) {
            return NULL;
        }
        if (value instanceof Unknown) {
            return UNKNOWN_PLACEHOLDER;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(toCel(element, depth + 1));
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!Unknown.SPECULATIVE_KEY.equals(k)) {
                    out.put(String.valueOf(k), toCel(v, depth + 1));
                }
            });
            return Collections.unmodifiableMap(out);
        }
        return value;
    }
}
