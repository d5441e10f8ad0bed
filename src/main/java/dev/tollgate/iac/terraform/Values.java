package dev.tollgate.iac.terraform;

import dev.tollgate.iac.Unknown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Terraform values as plain Java: String, Long (integral numbers), Double, Boolean, null, List, Map with String
 * keys, and {@link Unknown#VALUE}. Sets are lists without duplicates. Helpers here convert the way Terraform's
 * automatic type conversions do.
 */
final class Values {
    private Values() {
    }

    static boolean isUnknown(Object v) {
        return v == Unknown.VALUE;
    }

    /** True when the value or anything inside it is unknown. */
    static boolean containsUnknown(Object v) {
        if (v == Unknown.VALUE) {
            return true;
        }
        if (v instanceof List<?> list) {
            for (Object item : list) {
                if (containsUnknown(item)) {
                    return true;
                }
            }
        } else if (v instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                if (containsUnknown(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Integral numbers become Long, others Double. */
    static Object number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new EvalException("number out of range");
        }
        if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            return (long) d;
        }
        return d;
    }

    static Object number(BigDecimal d) {
        try {
            return d.longValueExact();
        } catch (ArithmeticException notIntegral) {
            return number(d.doubleValue());
        }
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double;
    }

    static double toDouble(Object v) {
        Object n = toNumber(v);
        return n instanceof Long l ? l : (Double) n;
    }

    /** A number, or a string that holds one, as Long or Double. */
    static Object toNumber(Object v) {
        if (v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer i) {
            return (long) i;
        }
        if (v instanceof BigDecimal d) {
            return number(d);
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (!t.isEmpty() && t.length() < 100) {
                try {
                    return number(new BigDecimal(t));
                } catch (NumberFormatException ignored) {
                    // falls through to the error below
                }
            }
        }
        throw new EvalException("a number is required, got " + typeName(v));
    }

    static long toLong(Object v) {
        Object n = toNumber(v);
        if (n instanceof Long l) {
            return l;
        }
        double d = (Double) n;
        if (Math.abs(d) > 9.0e15) {
            throw new EvalException("number out of range");
        }
        return (long) d;
    }

    static int toInt(Object v) {
        long l = toLong(v);
        if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
            throw new EvalException("number out of range");
        }
        return (int) l;
    }

    static boolean toBool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equals(v)) {
            return true;
        }
        if ("false".equals(v)) {
            return false;
        }
        throw new EvalException("a bool is required, got " + typeName(v));
    }

    /** The string form Terraform gives a primitive in a template or a {@code tostring()}. */
    static String toStr(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long l) {
            return Long.toString(l);
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v == null) {
            throw new EvalException("a null value cannot be used as a string");
        }
        throw new EvalException("a string is required, got " + typeName(v));
    }

    static List<Object> toList(Object v) {
        if (v instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) l;
            return list;
        }
        throw new EvalException("a list is required, got " + typeName(v));
    }

    static Map<String, Object> toMap(Object v) {
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            return map;
        }
        throw new EvalException("a map is required, got " + typeName(v));
    }

    /** A map's entries in the lexical key order in which Terraform iterates maps and objects. */
    static Map<String, Object> sorted(Map<String, Object> map) {
        return new TreeMap<>(map);
    }

    /** A set: duplicates removed; strings and numbers sorted the way Terraform orders set elements. */
    static List<Object> toSet(Collection<?> items) {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            if (!out.contains(item)) {
                out.add(item);
            }
        }
        if (out.stream().allMatch(o -> o instanceof String)) {
            out.sort((a, b) -> ((String) a).compareTo((String) b));
        } else if (out.stream().allMatch(Values::isNumber)) {
            out.sort((a, b) -> Double.compare(toDouble(a), toDouble(b)));
        }
        return out;
    }

    static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v == Unknown.VALUE) {
            return "unknown";
        }
        if (v instanceof String) {
            return "string";
        }
        if (isNumber(v)) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "map";
        }
        return v.getClass().getSimpleName();
    }

    static String checkString(String s) {
        if (s.length() > Limits.MAX_STRING) {
            throw new EvalException("string longer than " + Limits.MAX_STRING + " characters");
        }
        return s;
    }

    static <T extends Collection<?>> T checkSize(T c) {
        if (c.size() > Limits.MAX_COLLECTION) {
            throw new EvalException("collection larger than " + Limits.MAX_COLLECTION + " elements");
        }
        return c;
    }

    /** Equality after Terraform's conversions between primitives; unknown is handled by the caller. */
    static boolean equal(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return toDouble(a) == toDouble(b);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!equal(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!ma.keySet().equals(mb.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!equal(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }
}
