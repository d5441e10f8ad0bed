package dev.tollgate.iac.terraform;

import dev.tollgate.iac.Unknown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tollgate.iac.terraform.Fn.arg;
import static dev.tollgate.iac.terraform.Fn.arity;
import static dev.tollgate.iac.terraform.Fn.deep;
import static dev.tollgate.iac.terraform.Fn.shallow;
import static dev.tollgate.iac.terraform.Values.checkSize;
import static dev.tollgate.iac.terraform.Values.toList;
import static dev.tollgate.iac.terraform.Values.toMap;

/** Collection functions: merge, concat, flatten, lookup, keys, set operations and the like. */
final class CollectionFunctions {
    private CollectionFunctions() {
    }

    static void register(Map<String, Fn> f) {
        f.put("merge", shallow(CollectionFunctions::merge));
        f.put("concat", shallow(args -> {
            List<Object> out = new ArrayList<>();
            for (Object a : args) {
                out.addAll(toList(a));
                checkSize(out);
            }
            return out;
        }));
        f.put("flatten", shallow(args -> {
            arity(args, 1, 1);
            List<Object> out = new ArrayList<>();
            return flattenInto(toList(args.get(0)), out, 0) ? out : Unknown.VALUE;
        }));
        f.put("distinct", deep(args -> {
            arity(args, 1, 1);
            List<Object> out = new ArrayList<>();
            for (Object o : toList(args.get(0))) {
                if (out.stream().noneMatch(x -> Values.equal(x, o))) {
                    out.add(o);
                }
            }
            return out;
        }));
        f.put("lookup", shallow(args -> {
            arity(args, 2, 3);
            Map<String, Object> map = toMap(args.get(0));
            String key = Values.toStr(args.get(1));
            if (map.containsKey(key)) {
                return map.get(key);
            }
            if (map instanceof OpenObject) {
                return Unknown.VALUE;
            }
            if (args.size() == 3) {
                return args.get(2);
            }
            throw new EvalException("lookup: no key " + key);
        }));
        f.put("element", shallow(args -> {
            arity(args, 2, 2);
            List<Object> list = toList(args.get(0));
            if (list.isEmpty()) {
                throw new EvalException("element: empty list");
            }
            long i = Values.toLong(args.get(1));
            if (i < 0) {
                throw new EvalException("element: negative index");
            }
            return list.get((int) (i % list.size()));
        }));
        f.put("index", deep(args -> {
            arity(args, 2, 2);
            List<Object> list = toList(args.get(0));
            for (int i = 0; i < list.size(); i++) {
                if (Values.equal(list.get(i), args.get(1))) {
                    return (long) i;
                }
            }
            throw new EvalException("index: value not found");
        }));
        f.put("keys", shallow(args -> {
            arity(args, 1, 1);
            return new ArrayList<Object>(Values.sorted(toMap(args.get(0))).keySet());
        }));
        f.put("values", shallow(args -> {
            arity(args, 1, 1);
            return new ArrayList<>(Values.sorted(toMap(args.get(0))).values());
        }));
        f.put("zipmap", shallow(args -> {
            arity(args, 2, 2);
            List<Object> keys = toList(args.get(0));
            List<Object> values = toList(args.get(1));
            if (keys.size() != values.size()) {
                throw new EvalException("zipmap: lists of different lengths");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                if (Values.isUnknown(keys.get(i))) {
                    return Unknown.VALUE;
                }
                out.put(Values.toStr(keys.get(i)), values.get(i));
            }
            return out;
        }));
        f.put("length", shallow(args -> {
            arity(args, 1, 1);
            Object v = args.get(0);
            if (v instanceof String s) {
                return (long) s.codePointCount(0, s.length());
            }
            if (v instanceof List<?> l) {
                return (long) l.size();
            }
            return (long) toMap(v).size();
        }));
        f.put("contains", deep(args -> {
            arity(args, 2, 2);
            return toList(args.get(0)).stream().anyMatch(x -> Values.equal(x, args.get(1)));
        }));
        f.put("coalesce", deep(args -> {
            for (Object a : args) {
                if (a != null && !"".equals(a)) {
                    return a;
                }
            }
            throw new EvalException("coalesce: no non-null, non-empty argument");
        }));
        f.put("coalescelist", shallow(args -> {
            for (Object a : args) {
                if (!toList(a).isEmpty()) {
                    return a;
                }
            }
            return List.of();
        }));
        f.put("compact", deep(args -> {
            arity(args, 1, 1);
            List<Object> out = new ArrayList<>();
            for (Object o : toList(args.get(0))) {
                if (o != null && !"".equals(o)) {
                    out.add(Values.toStr(o));
                }
            }
            return out;
        }));
        f.put("tolist", shallow(args -> {
            arity(args, 1, 1);
            return args.get(0) == null ? null : toList(args.get(0));
        }));
        f.put("toset", deep(args -> {
            arity(args, 1, 1);
            return args.get(0) == null ? null : Values.toSet(toList(args.get(0)));
        }));
        f.put("tomap", shallow(args -> {
            arity(args, 1, 1);
            return args.get(0) == null ? null : toMap(args.get(0));
        }));
        f.put("one", shallow(args -> {
            arity(args, 1, 1);
            List<Object> list = toList(args.get(0));
            if (list.size() > 1) {
                throw new EvalException("one: more than one element");
            }
            return list.isEmpty() ? null : list.get(0);
        }));
        f.put("sort", deep(args -> {
            arity(args, 1, 1);
            List<String> out = new ArrayList<>();
            for (Object o : toList(args.get(0))) {
                out.add(Values.toStr(o));
            }
            out.sort(null);
            return new ArrayList<Object>(out);
        }));
        f.put("reverse", shallow(args -> {
            arity(args, 1, 1);
            List<Object> out = new ArrayList<>(toList(args.get(0)));
            java.util.Collections.reverse(out);
            return out;
        }));
        f.put("slice", shallow(args -> {
            arity(args, 3, 3);
            List<Object> list = toList(args.get(0));
            int from = Values.toInt(args.get(1));
            int to = Values.toInt(args.get(2));
            if (from < 0 || to > list.size() || from > to) {
                throw new EvalException("slice: indexes out of range");
            }
            return new ArrayList<>(list.subList(from, to));
        }));
        f.put("setunion", deep(args -> {
            List<Object> all = new ArrayList<>();
            for (Object a : args) {
                all.addAll(toList(a));
                checkSize(all);
            }
            return Values.toSet(all);
        }));
        f.put("setintersection", deep(args -> {
            List<Object> out = new ArrayList<>(toList(arg(args, 0)));
            for (Object a : args.subList(1, args.size())) {
                List<Object> other = toList(a);
                out.removeIf(x -> other.stream().noneMatch(y -> Values.equal(x, y)));
            }
            return Values.toSet(out);
        }));
        f.put("setsubtract", deep(args -> {
            arity(args, 2, 2);
            List<Object> out = new ArrayList<>(toList(args.get(0)));
            List<Object> other = toList(args.get(1));
            out.removeIf(x -> other.stream().anyMatch(y -> Values.equal(x, y)));
            return Values.toSet(out);
        }));
        f.put("setproduct", deep(CollectionFunctions::setproduct));
        f.put("alltrue", deep(args -> {
            arity(args, 1, 1);
            for (Object o : toList(args.get(0))) {
                if (!Values.toBool(o)) {
                    return false;
                }
            }
            return true;
        }));
        f.put("anytrue", deep(args -> {
            arity(args, 1, 1);
            for (Object o : toList(args.get(0))) {
                if (Values.toBool(o)) {
                    return true;
                }
            }
            return false;
        }));
        f.put("chunklist", shallow(args -> {
            arity(args, 2, 2);
            List<Object> list = toList(args.get(0));
            int size = Values.toInt(args.get(1));
            if (size < 0) {
                throw new EvalException("chunklist: negative size");
            }
            List<Object> out = new ArrayList<>();
            if (size == 0) {
                out.add(list);
                return out;
            }
            for (int i = 0; i < list.size(); i += size) {
                out.add(new ArrayList<>(list.subList(i, Math.min(list.size(), i + size))));
            }
            return out;
        }));
        f.put("transpose", deep(args -> {
            arity(args, 1, 1);
            Map<String, Object> out = new java.util.TreeMap<>();
            for (Map.Entry<String, Object> e : Values.sorted(toMap(args.get(0))).entrySet()) {
                for (Object v : toList(e.getValue())) {
                    @SuppressWarnings("unchecked")
                    List<Object> keys = (List<Object>) out.computeIfAbsent(Values.toStr(v), k -> new ArrayList<>());
                    keys.add(e.getKey());
                }
            }
            return out;
        }));
        f.put("matchkeys", deep(args -> {
            arity(args, 3, 3);
            List<Object> values = toList(args.get(0));
            List<Object> keys = toList(args.get(1));
            List<Object> wanted = toList(args.get(2));
            if (values.size() != keys.size()) {
                throw new EvalException("matchkeys: lists of different lengths");
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                Object k = keys.get(i);
                if (wanted.stream().anyMatch(w -> Values.equal(w, k))) {
                    out.add(values.get(i));
                }
            }
            return out;
        }));
    }

    private static Object merge(List<Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object a : args) {
            if (a != null) {
                out.putAll(toMap(a));
            }
        }
        return out;
    }

    /** False when an unknown list is met, since then the shape of the result is unknown. */
    private static boolean flattenInto(List<Object> list, List<Object> out, int depth) {
        if (depth > Limits.MAX_DEPTH) {
            throw new EvalException("flatten: nested too deeply");
        }
        for (Object o : list) {
            if (Values.isUnknown(o)) {
                return false;
            }
            if (o instanceof List<?>) {
                if (!flattenInto(toList(o), out, depth + 1)) {
                    return false;
                }
            } else {
                out.add(o);
                checkSize(out);
            }
        }
        return true;
    }

    private static Object setproduct(List<Object> args) {
        if (args.isEmpty()) {
            throw new EvalException("setproduct: at least one argument is required");
        }
        long total = 1;
        for (Object a : args) {
            total *= toList(a).size();
            if (total > Limits.MAX_COLLECTION) {
                throw new EvalException("setproduct: result too large");
            }
        }
        List<Object> out = new ArrayList<>();
        out.add(List.of());
        for (Object a : args) {
            List<Object> next = new ArrayList<>();
            for (Object prefix : out) {
                for (Object item : toList(a)) {
                    List<Object> combo = new ArrayList<>(toList(prefix));
                    combo.add(item);
                    next.add(combo);
                }
            }
            out = next;
        }
        return out;
    }
}
