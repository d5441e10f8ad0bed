package dev.tollgate.iac.terraform;

import dev.tollgate.iac.Unknown;
import dev.tollgate.iac.hcl.Expr;
import dev.tollgate.iac.hcl.Expr.TemplatePart;
import dev.tollgate.iac.hcl.Expr.Traverser;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tollgate.iac.terraform.Values.isUnknown;

/**
 * Evaluates HCL expressions to {@link Values}. Pure and bounded: no I/O, a depth limit, and the module's step
 * budget. Throws {@link EvalException} where Terraform would report an error; callers turn that into unknown.
 */
final class ExprEvaluator {
    private static final Object UNKNOWN = Unknown.VALUE;

    private final Functions functions = new Functions(this);
    private int depth;
    private long steps;

    /** Counts one step against the budget of this evaluator (one per module or variable file). */
    void tick() {
        if (++steps > Limits.MAX_STEPS_PER_MODULE) {
            throw new BudgetExceeded("evaluation budget of " + Limits.MAX_STEPS_PER_MODULE + " steps exceeded");
        }
    }

    Object eval(Expr expr, Scope scope) {
        tick();
        if (++depth > Limits.MAX_DEPTH) {
            depth--;
            throw new EvalException("expression nested too deeply");
        }
        try {
            return evalNode(expr, scope);
        } finally {
            depth--;
        }
    }

    /** Evaluates, turning an expression Terraform would reject into unknown. */
    Object evalOrUnknown(Expr expr, Scope scope) {
        try {
            return eval(expr, scope);
        } catch (EvalException e) {
            return UNKNOWN;
        }
    }

    private Object evalNode(Expr expr, Scope scope) {
        if (expr instanceof Expr.LiteralValueExpr lit) {
            return lit.value() instanceof BigDecimal d ? Values.number(d) : lit.value();
        } else if (expr instanceof Expr.TemplateExpr t) {
            StringBuilder out = new StringBuilder();
            return renderParts(t.parts(), scope, out) ? Values.checkString(out.toString()) : UNKNOWN;
        } else if (expr instanceof Expr.TemplateWrapExpr w) {
            return eval(w.wrapped(), scope);
        } else if (expr instanceof Expr.ScopeTraversalExpr st) {
            return traverseRoot(st.root(), st.traversal(), scope);
        } else if (expr instanceof Expr.RelativeTraversalExpr rt) {
            return traverse(eval(rt.source(), scope), rt.traversal(), 0);
        } else if (expr instanceof Expr.FunctionCallExpr call) {
            return functions.call(call, scope);
        } else if (expr instanceof Expr.TupleConsExpr tuple) {
            List<Object> out = new ArrayList<>(tuple.items().size());
            for (Expr item : tuple.items()) {
                out.add(eval(item, scope));
            }
            return out;
        } else if (expr instanceof Expr.ObjectConsExpr obj) {
            return object(obj, scope);
        } else if (expr instanceof Expr.ConditionalExpr c) {
            return conditional(c, scope);
        } else if (expr instanceof Expr.BinaryOpExpr b) {
            return Operators.binary(b.op(), eval(b.lhs(), scope), () -> eval(b.rhs(), scope));
        } else if (expr instanceof Expr.UnaryOpExpr u) {
            return Operators.unary(u.op(), eval(u.operand(), scope));
        } else if (expr instanceof Expr.ForExpr f) {
            return forExpr(f, scope);
        } else if (expr instanceof Expr.SplatExpr s) {
            return splat(s, scope);
        } else if (expr instanceof Expr.IndexExpr ix) {
            Object collection = eval(ix.collection(), scope);
            Object key = eval(ix.key(), scope);
            return index(collection, key);
        } else if (expr instanceof Expr.ParenthesesExpr p) {
            return eval(p.inner(), scope);
        }
        throw new EvalException("unsupported expression " + expr.kind());
    }

    /** Appends the rendered parts; false when a part is unknown. */
    private boolean renderParts(List<TemplatePart> parts, Scope scope, StringBuilder out) {
        for (TemplatePart part : parts) {
            if (out.length() > Limits.MAX_STRING) {
                throw new EvalException("string longer than " + Limits.MAX_STRING + " characters");
            }
            if (part instanceof TemplatePart.Literal lit) {
                out.append(lit.text());
            } else if (part instanceof TemplatePart.Interpolation in) {
                Object v = eval(in.expr(), scope);
                if (isUnknown(v)) {
                    return false;
                }
                out.append(Values.toStr(v));
            } else if (part instanceof TemplatePart.If cond) {
                Object c = eval(cond.condition(), scope);
                if (isUnknown(c)) {
                    return false;
                }
                if (!renderParts(Values.toBool(c) ? cond.thenParts() : cond.elseParts(), scope, out)) {
                    return false;
                }
            } else if (part instanceof TemplatePart.For loop) {
                Object coll = eval(loop.collection(), scope);
                if (isUnknown(coll)) {
                    return false;
                }
                for (Map.Entry<Object, Object> e : entries(coll)) {
                    Scope inner = bindLoop(scope, loop.keyVar(), loop.valVar(), e);
                    if (!renderParts(loop.body(), inner, out)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private Object traverseRoot(String root, List<Traverser> steps, Scope scope) {
        Object bound = scope.lookup(root);
        if (bound != Scope.UNBOUND) {
            return traverse(bound, steps, 0);
        }
        ModuleContext module = scope.module;
        if (module == null) {
            throw new EvalException("unknown variable " + root);
        }
        switch (root) {
            case "var":
                return traverse(module.variable(attrName(steps, 0)), steps, 1);
            case "local":
                return traverse(module.local(attrName(steps, 0)), steps, 1);
            case "path": {
                Map<String, Object> path = new LinkedHashMap<>();
                path.put("module", module.pathModule());
                path.put("root", ".");
                path.put("cwd", ".");
                return traverse(path, steps, 0);
            }
            case "terraform":
                return traverse(Map.of("workspace", "default"), steps, 0);
            case "data":
                return traverse(module.data(attrName(steps, 0), attrName(steps, 1)), steps, 2);
            case "module":
            case "count":
            case "each":
            case "self":
                return UNKNOWN;
            case "True":
            case "False":
                // Not HCL (Terraform rejects it), but written often enough by people coming from Python and
                // meant unambiguously; other scanners read it as the boolean too.
                if (steps.isEmpty()) {
                    return root.equals("True");
                }
                return traverse(module.resource(root, attrName(steps, 0)), steps, 1);
            default:
                return traverse(module.resource(root, attrName(steps, 0)), steps, 1);
        }
    }

    private static String attrName(List<Traverser> steps, int i) {
        if (i < steps.size() && steps.get(i) instanceof Traverser.Attr a) {
            return a.name();
        }
        throw new EvalException("an attribute name is required here");
    }

    Object traverse(Object value, List<Traverser> steps, int from) {
        Object current = value;
        for (int i = from; i < steps.size(); i++) {
            Traverser step = steps.get(i);
            if (isUnknown(current)) {
                return UNKNOWN;
            }
            if (step instanceof Traverser.Attr a) {
                current = getAttr(current, a.name());
            } else if (step instanceof Traverser.Index ix) {
                Object key = ix.key() instanceof BigDecimal d ? Values.number(d) : ix.key();
                current = index(current, key);
            } else if (step instanceof Traverser.Splat) {
                return splatEach(current, steps, i + 1);
            }
        }
        return current;
    }

    /** A nested splat: the remaining steps apply to every element, as {@code [*]} does. */
    private Object splatEach(Object source, List<Traverser> steps, int from) {
        if (source == null) {
            return List.of();
        }
        List<?> items = source instanceof List<?> l ? l : List.of(source);
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(traverse(item, steps, from));
        }
        return out;
    }

    private static Object getAttr(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey(name)) {
                return map.get(name);
            }
            if (value instanceof OpenObject) {
                return UNKNOWN;
            }
            throw new EvalException("no attribute " + name);
        }
        throw new EvalException("cannot read attribute " + name + " of a " + Values.typeName(value));
    }

    static Object index(Object collection, Object key) {
        if (isUnknown(collection) || isUnknown(key)) {
            return UNKNOWN;
        }
        if (collection instanceof List<?> list) {
            long i = Values.toLong(key);
            if (i < 0 || i >= list.size()) {
                throw new EvalException("index " + i + " out of range");
            }
            return list.get((int) i);
        }
        if (collection instanceof Map<?, ?> map) {
            String k = Values.toStr(key);
            if (map.containsKey(k)) {
                return map.get(k);
            }
            if (collection instanceof OpenObject) {
                return UNKNOWN;
            }
            throw new EvalException("no element with key " + k);
        }
        throw new EvalException("cannot index a " + Values.typeName(collection));
    }

    private Object object(Expr.ObjectConsExpr obj, Scope scope) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Expr.ObjectItem item : obj.items()) {
            String key;
            if (item.bareKey() && item.key() instanceof Expr.ScopeTraversalExpr st && st.traversal().isEmpty()) {
                key = st.root();
            } else {
                Object k = eval(item.key(), scope);
                if (isUnknown(k)) {
                    return UNKNOWN;
                }
                key = Values.toStr(k);
            }
            out.put(key, eval(item.value(), scope));
        }
        return out;
    }

    private Object conditional(Expr.ConditionalExpr c, Scope scope) {
        Object cond = eval(c.condition(), scope);
        if (isUnknown(cond)) {
            Object a = evalOrUnknown(c.trueResult(), scope);
            Object b = evalOrUnknown(c.falseResult(), scope);
            return !Values.containsUnknown(a) && Values.equal(a, b) ? a : UNKNOWN;
        }
        return Values.toBool(cond) ? eval(c.trueResult(), scope) : eval(c.falseResult(), scope);
    }

    private Object forExpr(Expr.ForExpr f, Scope scope) {
        Object coll = eval(f.collection(), scope);
        if (isUnknown(coll)) {
            return UNKNOWN;
        }
        boolean toObject = f.keyExpr() != null;
        List<Object> list = new ArrayList<>();
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : entries(coll)) {
            Scope inner = bindLoop(scope, f.keyVar(), f.valVar(), e);
            if (f.condition() != null) {
                Object keep = eval(f.condition(), inner);
                if (isUnknown(keep)) {
                    return UNKNOWN;
                }
                if (!Values.toBool(keep)) {
                    continue;
                }
            }
            if (!toObject) {
                list.add(eval(f.valueExpr(), inner));
                Values.checkSize(list);
                continue;
            }
            Object k = eval(f.keyExpr(), inner);
            if (isUnknown(k)) {
                return UNKNOWN;
            }
            String key = Values.toStr(k);
            Object v = eval(f.valueExpr(), inner);
            if (f.grouping()) {
                @SuppressWarnings("unchecked")
                List<Object> group = (List<Object>) map.computeIfAbsent(key, x -> new ArrayList<>());
                group.add(v);
            } else if (map.containsKey(key)) {
                throw new EvalException("duplicate key " + key + " in for expression");
            } else {
                map.put(key, v);
            }
            Values.checkSize(map.keySet());
        }
        return toObject ? map : list;
    }

    private static Scope bindLoop(Scope scope, String keyVar, String valVar, Map.Entry<Object, Object> e) {
        Scope inner = scope.with(valVar, e.getValue());
        return keyVar == null ? inner : inner.with(keyVar, e.getKey());
    }

    /** The (key, value) pairs a for expression iterates: list index and element, or map key (sorted) and value. */
    static List<Map.Entry<Object, Object>> entries(Object coll) {
        List<Map.Entry<Object, Object>> out = new ArrayList<>();
        if (coll instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(new AbstractMap.SimpleImmutableEntry<Object, Object>((long) i, list.get(i)));
            }
        } else if (coll instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> e : Values.sorted(Values.toMap(m)).entrySet()) {
                out.add(new AbstractMap.SimpleImmutableEntry<Object, Object>(e.getKey(), e.getValue()));
            }
        } else {
            throw new EvalException("cannot iterate over a " + Values.typeName(coll));
        }
        return out;
    }

    private Object splat(Expr.SplatExpr s, Scope scope) {
        Object source = eval(s.source(), scope);
        if (isUnknown(source)) {
            return UNKNOWN;
        }
        return splatEach(source, s.each(), 0);
    }
}
