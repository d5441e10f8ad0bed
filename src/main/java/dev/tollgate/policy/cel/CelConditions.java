package dev.tollgate.policy.cel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The CEL environment of rules: variables {@code resource} (the attribute map), {@code related} (type to the
 * attribute maps of resources that refer to this one) and {@code it} (the element under {@code each}); the
 * standard macros, optional syntax ({@code a.?b.orValue(x)}), the string extensions, and {@link RuleFunctions}.
 * Compiled expressions are cached by their text, so rules loaded again for every review compile once.
 */
public final class CelConditions {

    public static final int MAX_EXPRESSION_CHARS = 8 * 1024;
    private static final CelOptions OPTIONS = CelOptions.current()
            .enableOptionalSyntax(true)
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(100_000)
            .maxExpressionCodePointSize(MAX_EXPRESSION_CHARS)
            .maxParseRecursionDepth(100)
            .build();
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addLibraries(CelOptionalLibrary.INSTANCE, CelExtensions.strings())
            .addVar("resource", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("related", MapType.create(SimpleType.STRING, ListType.create(SimpleType.DYN)))
            .addVar("it", SimpleType.DYN)
            .addFunctionDeclarations(RuleFunctions.declarations())
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(OPTIONS)
            .addLibraries(CelOptionalLibrary.INSTANCE, CelExtensions.strings())
            .addFunctionBindings(RuleFunctions.bindings())
            .build();
    private static final Cache<String, CompiledCondition> CACHE = Caffeine.newBuilder().maximumSize(10_000).build();

    private CelConditions() {
    }

    /**
     * Compiles (or fetches from the cache) an expression.
     *
     * @throws IllegalArgumentException with CEL's message when the expression does not compile
     */
    public static CompiledCondition compile(String expression) {
        CompiledCondition cached = CACHE.getIfPresent(expression);
        if (cached != null) {
            return cached;
        }
        CompiledCondition compiled = compileUncached(expression);
        CACHE.put(expression, compiled);
        return compiled;
    }

    private static CompiledCondition compileUncached(String expression) {
        if (expression.length() > MAX_EXPRESSION_CHARS) {
            throw new IllegalArgumentException("expression longer than " + MAX_EXPRESSION_CHARS + " characters");
        }
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
            CelRuntime.Program program = RUNTIME.createProgram(ast);
            Set<String> names = new HashSet<>();
            boolean dynamic = collectNames(ast.getExpr(), names);
            return new CompiledCondition(expression, program, Set.copyOf(names), dynamic);
        } catch (CelValidationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException("cannot plan expression: " + e.getMessage(), e);
        }
    }

    /** Collects selected field names and string literals; returns whether some index uses a computed key. */
    private static boolean collectNames(CelExpr root, Set<String> names) {
        boolean dynamic = false;
        Deque<CelExpr> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            CelExpr expr = todo.pop();
            switch (expr.getKind()) {
                case CONSTANT -> {
                    if (expr.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                        names.add(expr.constant().stringValue());
                    }
                }
                case SELECT -> {
                    names.add(expr.select().field());
                    todo.push(expr.select().operand());
                }
                case CALL -> {
                    var call = expr.call();
                    if (isIndex(call.function()) && call.args().size() == 2
                            && call.args().get(1).getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
                        dynamic = true;
                    }
                    call.target().ifPresent(todo::push);
                    call.args().forEach(todo::push);
                }
                case LIST -> expr.list().elements().forEach(todo::push);
                case MAP -> expr.map().entries().forEach(e -> {
                    todo.push(e.key());
                    todo.push(e.value());
                });
                case STRUCT -> expr.struct().entries().forEach(e -> todo.push(e.value()));
                case COMPREHENSION -> {
                    var c = expr.comprehension();
                    todo.push(c.iterRange());
                    todo.push(c.accuInit());
                    todo.push(c.loopCondition());
                    todo.push(c.loopStep());
                    todo.push(c.result());
                }
                default -> {
                }
            }
        }
        return dynamic;
    }

    private static boolean isIndex(String function) {
        return function.equals("_[_]") || function.equals("_[?_]");
    }
}
