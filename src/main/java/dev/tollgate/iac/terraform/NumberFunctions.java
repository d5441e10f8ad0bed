package dev.tollgate.iac.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tollgate.iac.terraform.Fn.arity;
import static dev.tollgate.iac.terraform.Fn.deep;
import static dev.tollgate.iac.terraform.Values.toDouble;

/** Number functions and the primitive conversions {@code tonumber}/{@code tobool}. */
final class NumberFunctions {
    private NumberFunctions() {
    }

    static void register(Map<String, Fn> f) {
        f.put("min", deep(args -> extreme(args, true)));
        f.put("max", deep(args -> extreme(args, false)));
        f.put("abs", deep(args -> {
            arity(args, 1, 1);
            Object n = Values.toNumber(args.get(0));
            return n instanceof Long l && l != Long.MIN_VALUE ? (Object) Math.abs(l) : Values.number(Math.abs(toDouble(n)));
        }));
        f.put("ceil", deep(args -> {
            arity(args, 1, 1);
            return Values.number(Math.ceil(toDouble(args.get(0))));
        }));
        f.put("floor", deep(args -> {
            arity(args, 1, 1);
            return Values.number(Math.floor(toDouble(args.get(0))));
        }));
        f.put("signum", deep(args -> {
            arity(args, 1, 1);
            return (long) Math.signum(toDouble(args.get(0)));
        }));
        f.put("pow", deep(args -> {
            arity(args, 2, 2);
            return Values.number(Math.pow(toDouble(args.get(0)), toDouble(args.get(1))));
        }));
        f.put("parseint", deep(args -> {
            arity(args, 2, 2);
            try {
                return Long.parseLong(Values.toStr(args.get(0)), Values.toInt(args.get(1)));
            } catch (NumberFormatException e) {
                throw new EvalException("parseint: not a number in that base");
            }
        }));
        f.put("tonumber", deep(args -> {
            arity(args, 1, 1);
            return args.get(0) == null ? null : Values.toNumber(args.get(0));
        }));
        f.put("tobool", deep(args -> {
            arity(args, 1, 1);
            return args.get(0) == null ? null : Values.toBool(args.get(0));
        }));
        f.put("sum", deep(args -> {
            arity(args, 1, 1);
            List<Object> list = Values.toList(args.get(0));
            if (list.isEmpty()) {
                throw new EvalException("sum: empty list");
            }
            Object total = 0L;
            for (Object o : list) {
                Object item = o;
                total = Operators.binary("+", total, () -> item);
            }
            return total;
        }));
        f.put("range", deep(NumberFunctions::range));
    }

    private static Object extreme(List<Object> args, boolean min) {
        if (args.isEmpty()) {
            throw new EvalException("at least one argument is required");
        }
        Object best = Values.toNumber(args.get(0));
        for (Object a : args) {
            Object n = Values.toNumber(a);
            if (min ? toDouble(n) < toDouble(best) : toDouble(n) > toDouble(best)) {
                best = n;
            }
        }
        return best;
    }

    private static Object range(List<Object> args) {
        arity(args, 1, 3);
        double start = args.size() == 1 ? 0 : toDouble(args.get(0));
        double limit = toDouble(args.get(args.size() == 1 ? 0 : 1));
        double step = args.size() == 3 ? toDouble(args.get(2)) : (limit >= start ? 1 : -1);
        if (step == 0) {
            throw new EvalException("range: step must not be zero");
        }
        if ((step > 0 && limit < start) || (step < 0 && limit > start)) {
            throw new EvalException("range: step goes the wrong way");
        }
        double count = Math.ceil((limit - start) / step);
        if (count > Limits.MAX_RANGE) {
            throw new EvalException("range: more than " + Limits.MAX_RANGE + " elements");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Values.number(start + i * step));
        }
        return out;
    }
}
