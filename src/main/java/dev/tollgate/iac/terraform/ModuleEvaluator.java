package dev.tollgate.iac.terraform;

import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Unknown;
import dev.tollgate.iac.hcl.Attribute;
import dev.tollgate.iac.hcl.Block;
import dev.tollgate.iac.hcl.Body;
import dev.tollgate.iac.hcl.Expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates one module: variables (defaults, then tfvars), locals, resources with count/for_each expansion and
 * references between them, and emits a {@link Resource} per resource instance and per provider block. Every
 * value is computed lazily and memoised; a cycle evaluates to unknown.
 */
final class ModuleEvaluator implements ModuleContext {
    private static final Object IN_PROGRESS = new Object();

    private final TerraformModule module;
    private final List<ScanError> errors;
    private final ExprEvaluator evaluator = new ExprEvaluator();
    private final BodyEvaluator bodies;

    private final Map<String, Decl> variables = new HashMap<>();
    private final Map<String, Attribute> locals = new HashMap<>();
    private final Map<String, Decl> resourcesByAddress = new HashMap<>();
    private final Map<String, Decl> dataByAddress = new HashMap<>();
    private final List<Decl> resources = new ArrayList<>();
    private final List<Decl> providers = new ArrayList<>();

    private final Map<String, Object> variableValues = new HashMap<>();
    private final Map<String, Object> localValues = new HashMap<>();
    private final Map<Decl, Object> dataValues = new IdentityHashMap<>();
    private final Map<Decl, Object> evaluated = new IdentityHashMap<>();

    private int instances;
    private boolean budgetReported;
    private Decl current;
    /** The file of the local being evaluated, when one is: errors point at the expression that caused them. */
    private String evaluatingFile;
    private final Map<String, String> localFiles = new HashMap<>();

    /** A block and the file it is declared in. */
    private record Decl(Block block, String file) {
        String address() {
            return block.labels().get(0) + "." + block.labels().get(1);
        }
    }

    /** The instances of one resource block and the value other expressions see for {@code type.name}. */
    private record Expansion(List<Instance> instances, Object value) {
    }

    private record Instance(String address, BodyEvaluator.Evaluated content) {
    }

    ModuleEvaluator(TerraformModule module, List<ScanError> errors) {
        BoundedRegex.startModule();
        this.module = module;
        this.errors = errors;
        this.bodies = new BodyEvaluator(evaluator, this, new BodyEvaluator.Trouble() {
            @Override
            public void budgetExceeded(Expr expr) {
                reportBudget(expr);
            }

            @Override
            public void tooComplex(Expr expr) {
                errors.add(new ScanError(fileOf(), expr.range().startLine(), expr.range().start().column(),
                        "expression too complex to evaluate (it exhausted the evaluator's stack); simplify it,"
                                + " e.g. a regular expression with nested repetition"));
            }
        });
        for (TerraformModule.ConfigFile file : module.configFiles()) {
            index(file);
        }
    }

    private void index(TerraformModule.ConfigFile file) {
        for (Block block : file.hcl().body().blocks()) {
            Decl decl = new Decl(block, file.path());
            List<String> labels = block.labels();
            switch (block.type()) {
                case "variable" -> {
                    if (labels.size() == 1) {
                        variables.putIfAbsent(labels.get(0), decl);
                    }
                }
                case "locals" -> block.body().attributes().forEach(a -> {
                    if (locals.putIfAbsent(a.name(), a) == null) {
                        localFiles.put(a.name(), file.path());
                    }
                });
                case "resource" -> {
                    if (labels.size() == 2) {
                        resources.add(decl);
                        resourcesByAddress.putIfAbsent(decl.address(), decl);
                    }
                }
                case "data" -> {
                    if (labels.size() == 2) {
                        dataByAddress.putIfAbsent(decl.address(), decl);
                    }
                }
                case "provider" -> {
                    if (labels.size() == 1) {
                        providers.add(decl);
                    }
                }
                default -> {
                    // module, output, terraform, moved, import, check: nothing to evaluate for the rules
                }
            }
        }
    }

    /** The resources and providers of the module, in source order of the files given. */
    List<Resource> emit() {
        List<Resource> out = new ArrayList<>();
        for (Decl decl : resources) {
            current = decl;
            try {
                Expansion expansion = expansion(decl);
                Set<String> references = references(decl, decl.address());
                for (Instance instance : expansion.instances()) {
                    out.add(resource(decl, decl.block().labels().get(0), instance.address(), instance.content(), references));
                }
            } catch (RuntimeException | StackOverflowError e) {
                errors.add(new ScanError(decl.file(), decl.block().range().startLine(), 0,
                        "could not evaluate resource " + decl.address() + ": " + describe(e)));
            }
        }
        for (Decl decl : providers) {
            current = decl;
            try {
                out.add(provider(decl));
            } catch (RuntimeException | StackOverflowError e) {
                errors.add(new ScanError(decl.file(), decl.block().range().startLine(), 0,
                        "could not evaluate provider " + decl.block().labels().get(0) + ": " + describe(e)));
            }
        }
        return out;
    }

    private Resource provider(Decl decl) {
        String name = decl.block().labels().get(0);
        BodyEvaluator.Evaluated content = bodies.top(decl.block().body(), Scope.of(this));
        Object alias = content.attributes().get("alias");
        String address = name + "." + (alias instanceof String s && !s.isEmpty() ? s : "default");
        return resource(decl, "provider." + name, address, content, references(decl, null));
    }

    private static Resource resource(Decl decl, String type, String address, BodyEvaluator.Evaluated content,
                                     Set<String> references) {
        return new Resource("terraform", type, address, decl.file(),
                decl.block().range().startLine(), decl.block().range().endLine(),
                Collections.unmodifiableMap(content.attributes()), Collections.unmodifiableMap(content.lines()),
                references);
    }

    // ---- expansion of count / for_each ----

    /** The instances of a resource; null while the resource is being evaluated (a reference cycle). */
    private Expansion expansion(Decl decl) {
        Object memo = evaluated.get(decl);
        if (memo == IN_PROGRESS) {
            return null;
        }
        if (memo != null) {
            return (Expansion) memo;
        }
        evaluated.put(decl, IN_PROGRESS);
        Expansion result;
        try {
            result = expand(decl);
        } finally {
            evaluated.remove(decl);
        }
        evaluated.put(decl, result);
        return result;
    }

    private Expansion expand(Decl decl) {
        Body body = decl.block().body();
        Scope scope = Scope.of(this);
        String base = decl.address();
        Expr count = BodyEvaluator.attributeExpr(body, "count");
        Expr forEach = BodyEvaluator.attributeExpr(body, "for_each");
        if (count != null) {
            Object n = bodies.value(count, scope);
            if (!Values.isNumber(n) || Values.toLong(n) < 0 || !reserveInstances(decl, Values.toLong(n))) {
                return unknownExpansion(base, body, scope.with("count", Map.of("index", Unknown.VALUE)));
            }
            List<Instance> list = new ArrayList<>();
            List<Object> value = new ArrayList<>();
            for (long i = 0; i < Values.toLong(n); i++) {
                BodyEvaluator.Evaluated content = bodies.top(body, scope.with("count", Map.of("index", i)));
                list.add(new Instance(base + "[" + i + "]", content));
                value.add(new OpenObject(content.attributes()));
            }
            return new Expansion(list, value);
        }
        if (forEach != null) {
            Map<String, Object> keyed = forEachKeys(bodies.value(forEach, scope));
            Map<String, Object> unknownEach = new HashMap<>();
            unknownEach.put("key", Unknown.VALUE);
            unknownEach.put("value", Unknown.VALUE);
            if (keyed == null || !reserveInstances(decl, keyed.size())) {
                return unknownExpansion(base, body, scope.with("each", unknownEach));
            }
            List<Instance> list = new ArrayList<>();
            Map<String, Object> value = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : keyed.entrySet()) {
                Map<String, Object> each = new HashMap<>();
                each.put("key", e.getKey());
                each.put("value", e.getValue());
                BodyEvaluator.Evaluated content = bodies.top(body, scope.with("each", each));
                list.add(new Instance(base + "[" + quote(e.getKey()) + "]", content));
                value.put(e.getKey(), new OpenObject(content.attributes()));
            }
            return new Expansion(list, value);
        }
        reserveInstances(decl, 1);
        BodyEvaluator.Evaluated content = bodies.top(body, scope);
        return new Expansion(List.of(new Instance(base, content)), new OpenObject(content.attributes()));
    }

    /** One instance under the plain address, evaluated with count.index / each.* unknown. */
    private Expansion unknownExpansion(String base, Body body, Scope scope) {
        return new Expansion(List.of(new Instance(base, bodies.top(body, scope))), Unknown.VALUE);
    }

    /** for_each keys in Terraform's order (lexical) with their values; null when the keys are not known. */
    private static Map<String, Object> forEachKeys(Object collection) {
        Map<String, Object> out = new java.util.TreeMap<>();
        if (collection instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> e : Values.toMap(map).entrySet()) {
                out.put(e.getKey(), e.getValue());
            }
            return out;
        }
        if (collection instanceof List<?> set) {
            for (Object item : set) {
                if (!(item instanceof String s)) {
                    return null;
                }
                out.put(s, s);
            }
            return out;
        }
        return null;
    }

    private boolean reserveInstances(Decl decl, long n) {
        if (instances + n > Limits.MAX_INSTANCES_PER_MODULE) {
            errors.add(new ScanError(decl.file(), decl.block().range().startLine(), 0,
                    decl.address() + ": more than " + Limits.MAX_INSTANCES_PER_MODULE
                            + " resource instances in this module; its instances are left unexpanded"));
            return false;
        }
        instances += (int) n;
        return true;
    }

    static String quote(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---- references ----

    /** Base addresses of the module's resources that the block refers to, directly or through locals and data. */
    private Set<String> references(Decl decl, String ownAddress) {
        Set<String> out = new TreeSet<>();
        Set<String> visited = new HashSet<>();
        collectReferences(decl.block().body(), out, visited);
        if (ownAddress != null) {
            out.remove(ownAddress);
        }
        return Collections.unmodifiableSet(out);
    }

    private void collectReferences(Body body, Set<String> out, Set<String> visited) {
        ExprWalker.walk(body, st -> referenced(st, out, visited));
    }

    private void referenced(Expr.ScopeTraversalExpr st, Set<String> out, Set<String> visited) {
        List<Expr.Traverser> steps = st.traversal();
        if (steps.isEmpty() || !(steps.get(0) instanceof Expr.Traverser.Attr first)) {
            return;
        }
        if (st.root().equals("local")) {
            Attribute local = locals.get(first.name());
            if (local != null && visited.add("local." + first.name())) {
                ExprWalker.walk(local.expr(), inner -> referenced(inner, out, visited));
            }
        } else if (st.root().equals("data")) {
            if (steps.size() > 1 && steps.get(1) instanceof Expr.Traverser.Attr name) {
                String address = first.name() + "." + name.name();
                Decl data = dataByAddress.get(address);
                if (data != null && visited.add("data." + address)) {
                    collectReferences(data.block().body(), out, visited);
                }
            }
        } else if (resourcesByAddress.containsKey(st.root() + "." + first.name())) {
            out.add(st.root() + "." + first.name());
        }
    }

    // ---- ModuleContext ----

    @Override
    public Object variable(String name) {
        Object memo = variableValues.get(name);
        if (memo == IN_PROGRESS) {
            return Unknown.VALUE;
        }
        if (memo != null || variableValues.containsKey(name)) {
            return memo;
        }
        variableValues.put(name, IN_PROGRESS);
        Object value = Unknown.VALUE;
        try {
            Decl decl = variables.get(name);
            Expr type = decl == null ? null : BodyEvaluator.attributeExpr(decl.block().body(), "type");
            if (module.tfvars().containsKey(name)) {
                value = VariableTypes.convert(module.tfvars().get(name), type);
            } else if (decl != null) {
                Expr defaultExpr = BodyEvaluator.attributeExpr(decl.block().body(), "default");
                if (defaultExpr != null) {
                    value = VariableTypes.convert(bodies.value(defaultExpr, Scope.of(this)), type);
                }
            }
        } finally {
            variableValues.put(name, value);
        }
        return value;
    }

    @Override
    public Object local(String name) {
        Object memo = localValues.get(name);
        if (memo == IN_PROGRESS) {
            return Unknown.VALUE;
        }
        if (memo != null || localValues.containsKey(name)) {
            return memo;
        }
        Attribute local = locals.get(name);
        if (local == null) {
            return Unknown.VALUE;
        }
        localValues.put(name, IN_PROGRESS);
        Object value = Unknown.VALUE;
        String outer = evaluatingFile;
        evaluatingFile = localFiles.get(name);
        try {
            value = bodies.value(local.expr(), Scope.of(this));
        } finally {
            evaluatingFile = outer;
            localValues.put(name, value);
        }
        return value;
    }

    @Override
    public Object resource(String type, String name) {
        Decl decl = resourcesByAddress.get(type + "." + name);
        if (decl == null) {
            return Unknown.VALUE;
        }
        Expansion expansion = expansion(decl);
        return expansion == null ? Unknown.VALUE : expansion.value();
    }

    @Override
    public Object data(String type, String name) {
        Decl decl = dataByAddress.get(type + "." + name);
        if (decl == null || !type.equals(IamPolicyDocument.TYPE)) {
            return Unknown.VALUE;
        }
        Body body = decl.block().body();
        if (BodyEvaluator.attributeExpr(body, "count") != null || BodyEvaluator.attributeExpr(body, "for_each") != null) {
            return Unknown.VALUE;
        }
        Object memo = dataValues.get(decl);
        if (memo == IN_PROGRESS) {
            return Unknown.VALUE;
        }
        if (memo != null) {
            return memo;
        }
        dataValues.put(decl, IN_PROGRESS);
        Object value = Unknown.VALUE;
        try {
            Map<String, Object> attributes = new LinkedHashMap<>(bodies.top(body, Scope.of(this)).attributes());
            Object json = IamPolicyDocument.render(attributes);
            attributes.put("json", json);
            attributes.put("minified_json", json);
            value = new OpenObject(attributes);
        } catch (EvalException e) {
            value = Unknown.VALUE;
        } finally {
            dataValues.put(decl, value);
        }
        return value;
    }

    @Override
    public String pathModule() {
        return module.dir().isEmpty() ? "." : module.dir();
    }

    @Override
    public String fileText(String path) {
        String normalized = ModulePaths.normalize(path);
        if (normalized == null) {
            return null;
        }
        for (String candidate : List.of(normalized, ModulePaths.join(module.dir(), normalized))) {
            String clean = ModulePaths.normalize(candidate);
            if (clean != null && ModulePaths.isInside(module.dir(), clean) && module.texts().containsKey(clean)) {
                return module.texts().get(clean);
            }
        }
        return null;
    }

    @Override
    public void tick() {
        evaluator.tick();
    }

    private void reportBudget(Expr expr) {
        String file = fileOf();
        if (!budgetReported && file != null) {
            budgetReported = true;
            errors.add(new ScanError(file, expr.range().startLine(), expr.range().start().column(),
                    "evaluation of this module stopped here: it exceeded its work budget ("
                            + Limits.MAX_STEPS_PER_MODULE + " evaluation steps or " + Limits.MAX_REGEX_STEPS_PER_MODULE
                            + " regular-expression steps); the remaining values are unknown. Simplify this expression"
                            + " (nested for-expressions over large ranges multiply, so do many costly regex calls)"));
        }
    }

    private String fileOf() {
        return evaluatingFile != null ? evaluatingFile : current != null ? current.file() : null;
    }

    /** What went wrong, in words, never a Java class name. */
    private static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "too complex to evaluate (it exhausted the evaluator's stack)";
        }
        return e.getMessage() == null ? "internal error (" + e.getClass().getSimpleName() + ")" : e.getMessage();
    }
}
