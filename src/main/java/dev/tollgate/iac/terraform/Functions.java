package dev.tollgate.iac.terraform;

import dev.tollgate.iac.Unknown;
import dev.tollgate.iac.hcl.Expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Terraform's built-in functions. Those that depend on time, randomness, the network or files outside the
 * scanned module are not here and evaluate to unknown, as does any function this class does not know.
 */
final class Functions {
    private static final Map<String, Fn> PURE = new HashMap<>();

    static {
        CollectionFunctions.register(PURE);
        StringFunctions.register(PURE);
        NumberFunctions.register(PURE);
        EncodingFunctions.register(PURE);
        NetworkFunctions.register(PURE);
    }

    private final ExprEvaluator evaluator;
    private final TemplateFiles templates;

    Functions(ExprEvaluator evaluator) {
        this.evaluator = evaluator;
        this.templates = new TemplateFiles(evaluator);
    }

    Object call(Expr.FunctionCallExpr call, Scope scope) {
        String name = call.name().startsWith("core::") ? call.name().substring(6) : call.name();
        switch (name) {
            case "try":
                return tryEach(call.args(), scope);
            case "can":
                return can(call.args(), scope);
            default:
                break;
        }
        List<Object> args = arguments(call, scope);
        if (args == null) {
            return Unknown.VALUE;
        }
        switch (name) {
            case "file":
                return file(args, scope);
            case "fileexists":
                return fileExists(args, scope);
            case "templatefile":
                return templatefile(args, scope);
            default:
                break;
        }
        Fn fn = PURE.get(name);
        if (fn == null) {
            return Unknown.VALUE;
        }
        for (Object arg : args) {
            if (fn.unknowns() == Fn.Unknowns.DEEP ? Values.containsUnknown(arg) : Values.isUnknown(arg)) {
                return Unknown.VALUE;
            }
        }
        try {
            return fn.body().apply(args);
        } catch (ClassCastException | IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
            throw new EvalException(name + ": " + e.getMessage());
        }
    }

    /** The evaluated arguments, the last one spread when written {@code f(xs...)}; null when that list is unknown. */
    private List<Object> arguments(Expr.FunctionCallExpr call, Scope scope) {
        List<Object> args = new ArrayList<>(call.args().size());
        for (Expr arg : call.args()) {
            args.add(evaluator.eval(arg, scope));
        }
        if (call.expandFinal() && !args.isEmpty()) {
            Object last = args.remove(args.size() - 1);
            if (Values.isUnknown(last)) {
                return null;
            }
            args.addAll(Values.toList(last));
        }
        return args;
    }

    private Object tryEach(List<Expr> args, Scope scope) {
        for (Expr arg : args) {
            try {
                return evaluator.eval(arg, scope);
            } catch (EvalException e) {
                // try the next one
            }
        }
        throw new EvalException("no expression given to try() succeeded");
    }

    private Object can(List<Expr> args, Scope scope) {
        if (args.size() != 1) {
            throw new EvalException("can() takes one argument");
        }
        try {
            Object v = evaluator.eval(args.get(0), scope);
            return Values.containsUnknown(v) ? Unknown.VALUE : Boolean.TRUE;
        } catch (EvalException e) {
            return Boolean.FALSE;
        }
    }

    private static Object file(List<Object> args, Scope scope) {
        Fn.arity(args, 1, 1);
        if (Values.isUnknown(args.get(0)) || scope.module == null) {
            return Unknown.VALUE;
        }
        String text = scope.module.fileText(Values.toStr(args.get(0)));
        return text == null ? Unknown.VALUE : text;
    }

    private static Object fileExists(List<Object> args, Scope scope) {
        Fn.arity(args, 1, 1);
        if (Values.isUnknown(args.get(0)) || scope.module == null) {
            return Unknown.VALUE;
        }
        return scope.module.fileText(Values.toStr(args.get(0))) == null ? Unknown.VALUE : Boolean.TRUE;
    }

    private Object templatefile(List<Object> args, Scope scope) {
        Fn.arity(args, 2, 2);
        Object vars = args.get(1);
        if (Values.isUnknown(args.get(0)) || Values.isUnknown(vars) || scope.module == null) {
            return Unknown.VALUE;
        }
        String text = scope.module.fileText(Values.toStr(args.get(0)));
        if (text == null) {
            return Unknown.VALUE;
        }
        return templates.render(Values.toStr(args.get(0)), text, Values.toMap(vars), scope.module);
    }
}
