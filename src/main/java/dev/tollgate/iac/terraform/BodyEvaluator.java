package dev.tollgate.iac.terraform;

import dev.tollgate.iac.Unknown;
import dev.tollgate.iac.hcl.Attribute;
import dev.tollgate.iac.hcl.Block;
import dev.tollgate.iac.hcl.Body;
import dev.tollgate.iac.hcl.Expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a block body into evaluated attributes and the source line of every attribute path. Nested blocks,
 * including those a {@code dynamic} block generates, become a List of Maps under their block type.
 */
final class BodyEvaluator {
    /** Meta-arguments that are not configuration of the resource itself; they are left out of the attributes. */
    static final Set<String> META_ARGUMENTS = Set.of("count", "for_each", "depends_on");
    private static final int MAX_LINE_DEPTH = 20;

    private final ExprEvaluator evaluator;
    private final ModuleContext module;
    private final Trouble trouble;

    /** Where evaluation gave up, so that the module can report it at the expression's file and line. */
    interface Trouble {
        /** The module's step budget ran out while evaluating {@code expr}. */
        void budgetExceeded(Expr expr);

        /** {@code expr} exhausted the stack (a pathological regular expression, deep recursion). */
        void tooComplex(Expr expr);
    }

    BodyEvaluator(ExprEvaluator evaluator, ModuleContext module, Trouble trouble) {
        this.evaluator = evaluator;
        this.module = module;
        this.trouble = trouble;
    }

    /** The evaluated content of a body. */
    record Evaluated(Map<String, Object> attributes, Map<String, Integer> lines) {
    }

    /** A resource, data source or provider body: meta-arguments left out, {@code self} bound for nested blocks. */
    Evaluated top(Body body, Scope scope) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Attribute attr : body.attributes()) {
            if (META_ARGUMENTS.contains(attr.name())) {
                continue;
            }
            Object value = attr.name().equals("provider") ? providerReference(attr.expr(), scope) : value(attr.expr(), scope);
            attributes.put(attr.name(), value);
            recordLines(attr, "", lines);
        }
        blocks(body, scope.with("self", new OpenObject(attributes)), "", attributes, lines);
        return new Evaluated(attributes, lines);
    }

    private void nested(Body body, Scope scope, String prefix, Map<String, Object> attributes, Map<String, Integer> lines) {
        for (Attribute attr : body.attributes()) {
            attributes.put(attr.name(), value(attr.expr(), scope));
            recordLines(attr, prefix, lines);
        }
        blocks(body, scope, prefix, attributes, lines);
    }

    private void blocks(Body body, Scope scope, String prefix, Map<String, Object> attributes, Map<String, Integer> lines) {
        Map<String, List<Object>> lists = new HashMap<>();
        for (Block block : body.blocks()) {
            if (block.type().equals("dynamic")) {
                if (block.labels().size() == 1) {
                    dynamic(block, scope, prefix, attributes, lines, lists);
                }
                continue;
            }
            List<Object> list = blockList(attributes, lists, block.type());
            if (list == null) {
                continue;
            }
            String path = prefix + block.type() + "[" + list.size() + "]";
            Map<String, Object> child = new LinkedHashMap<>();
            lines.put(path, block.range().startLine());
            list.add(child);
            nested(block.body(), scope, path + ".", child, lines);
        }
    }

    /**
     * The list that collects this body's blocks of a type; null when a dynamic block already made the type
     * unknown. An attribute of the same name is replaced, never appended to, since its value may be shared.
     */
    private static List<Object> blockList(Map<String, Object> attributes, Map<String, List<Object>> lists, String type) {
        if (lists.containsKey(type)) {
            return lists.get(type);
        }
        List<Object> list = new ArrayList<>();
        lists.put(type, list);
        attributes.put(type, list);
        return list;
    }

    private void dynamic(Block block, Scope scope, String prefix, Map<String, Object> attributes,
                         Map<String, Integer> lines, Map<String, List<Object>> lists) {
        String type = block.labels().get(0);
        Body dynamicBody = block.body();
        Expr forEach = attributeExpr(dynamicBody, "for_each");
        Block content = dynamicBody.blocks().stream().filter(b -> b.type().equals("content")).findFirst().orElse(null);
        List<Object> list = blockList(attributes, lists, type);
        if (forEach == null || content == null || list == null) {
            return;
        }
        Object collection = value(forEach, scope);
        if (collection == null) {
            return;
        }
        List<Map.Entry<Object, Object>> entries;
        boolean speculative = Values.isUnknown(collection);
        if (speculative) {
            // Whether the block exists is unknown, but its content is code in the file: read it once with the
            // iterator unknown (as for an unknown count), so literal settings in it are still checked.
            entries = List.of(Map.entry(Unknown.VALUE, Unknown.VALUE));
        } else {
            try {
                entries = ExprEvaluator.entries(collection);
            } catch (EvalException e) {
                markUnknown(attributes, lists, type);
                return;
            }
        }
        String iterator = iteratorName(dynamicBody, type);
        for (Map.Entry<Object, Object> e : entries) {
            try {
                module.tick();
            } catch (BudgetExceeded exhausted) {
                trouble.budgetExceeded(forEach);
                markUnknown(attributes, lists, type);
                return;
            }
            Map<String, Object> each = new LinkedHashMap<>();
            each.put("key", e.getKey());
            each.put("value", e.getValue());
            String path = prefix + type + "[" + list.size() + "]";
            Map<String, Object> child = new LinkedHashMap<>();
            lines.put(path, content.range().startLine());
            list.add(child);
            nested(content.body(), scope.with(iterator, each), path + ".", child, lines);
            if (speculative) {
                child.put(Unknown.SPECULATIVE_KEY, Boolean.TRUE);
            }
        }
    }

    private static void markUnknown(Map<String, Object> attributes, Map<String, List<Object>> lists, String type) {
        attributes.put(type, Unknown.VALUE);
        lists.put(type, null);
    }

    private static String iteratorName(Body dynamicBody, String type) {
        Expr it = attributeExpr(dynamicBody, "iterator");
        if (it instanceof Expr.ScopeTraversalExpr st && st.traversal().isEmpty()) {
            return st.root();
        }
        return type;
    }

    static Expr attributeExpr(Body body, String name) {
        for (Attribute a : body.attributes()) {
            if (a.name().equals(name)) {
                return a.expr();
            }
        }
        return null;
    }

    /**
     * Evaluates one value; a Terraform error makes it unknown. An exhausted budget or stack also makes it unknown
     * and is reported, since a value an attacker can make unknown must not silently pass the gate.
     */
    Object value(Expr expr, Scope scope) {
        try {
            return evaluator.eval(expr, scope);
        } catch (EvalException e) {
            return Unknown.VALUE;
        } catch (BudgetExceeded e) {
            trouble.budgetExceeded(expr);
            return Unknown.VALUE;
        } catch (StackOverflowError e) {
            trouble.tooComplex(expr);
            return Unknown.VALUE;
        }
    }

    /** {@code provider = aws.west} names a provider configuration; it is kept as the string "aws.west". */
    private Object providerReference(Expr expr, Scope scope) {
        if (expr instanceof Expr.ScopeTraversalExpr st) {
            StringBuilder name = new StringBuilder(st.root());
            for (Expr.Traverser t : st.traversal()) {
                if (t instanceof Expr.Traverser.Attr a) {
                    name.append('.').append(a.name());
                }
            }
            return name.toString();
        }
        return value(expr, scope);
    }

    private static void recordLines(Attribute attr, String prefix, Map<String, Integer> lines) {
        String path = prefix + attr.name();
        lines.put(path, attr.range().startLine());
        literalLines(attr.expr(), path, lines, 0);
    }

    /** Lines of the items of a literal object or tuple: {@code tags.Name}, {@code cidr_blocks[1]}. */
    private static void literalLines(Expr expr, String path, Map<String, Integer> lines, int depth) {
        if (depth > MAX_LINE_DEPTH) {
            return;
        }
        if (expr instanceof Expr.ObjectConsExpr obj) {
            for (Expr.ObjectItem item : obj.items()) {
                String key = literalKey(item);
                if (key != null) {
                    String itemPath = path + "." + key;
                    lines.put(itemPath, item.key().range().startLine());
                    literalLines(item.value(), itemPath, lines, depth + 1);
                }
            }
        } else if (expr instanceof Expr.TupleConsExpr tuple) {
            for (int i = 0; i < tuple.items().size(); i++) {
                String itemPath = path + "[" + i + "]";
                lines.put(itemPath, tuple.items().get(i).range().startLine());
                literalLines(tuple.items().get(i), itemPath, lines, depth + 1);
            }
        }
    }

    private static String literalKey(Expr.ObjectItem item) {
        Expr key = item.key();
        if (key instanceof Expr.ScopeTraversalExpr st && st.traversal().isEmpty()) {
            return st.root();
        }
        if (key instanceof Expr.TemplateExpr t && t.parts().size() == 1
                && t.parts().get(0) instanceof Expr.TemplatePart.Literal lit) {
            return lit.text();
        }
        return null;
    }
}
