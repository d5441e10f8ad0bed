package dev.tollgate.iac.terraform;

import dev.tollgate.iac.Unknown;

import java.util.function.Supplier;

import static dev.tollgate.iac.terraform.Values.isUnknown;

/** HCL's unary and binary operators over {@link Values}, with unknown propagation. */
final class Operators {
    private Operators() {
    }

    /** The right operand is a supplier so that {@code &&} and {@code ||} can skip it once the result is known. */
    static Object binary(String op, Object lhs, Supplier<Object> rhsSupplier) {
        if (op.equals("&&") || op.equals("||")) {
            return logical(op.equals("&&"), lhs, rhsSupplier);
        }
        Object rhs = rhsSupplier.get();
        if (isUnknown(lhs) || isUnknown(rhs)) {
            return Unknown.VALUE;
        }
        switch (op) {
            case "==":
                return Values.equal(lhs, rhs);
            case "!=":
                return !Values.equal(lhs, rhs);
            case "<":
                return Values.toDouble(lhs) < Values.toDouble(rhs);
            case ">":
                return Values.toDouble(lhs) > Values.toDouble(rhs);
            case "<=":
                return Values.toDouble(lhs) <= Values.toDouble(rhs);
            case ">=":
                return Values.toDouble(lhs) >= Values.toDouble(rhs);
            default:
                return arithmetic(op, Values.toNumber(lhs), Values.toNumber(rhs));
        }
    }

    private static Object logical(boolean and, Object lhs, Supplier<Object> rhsSupplier) {
        if (!isUnknown(lhs) && Values.toBool(lhs) != and) {
            return !and;
        }
        Object rhs = rhsSupplier.get();
        if (!isUnknown(rhs) && Values.toBool(rhs) != and) {
            return !and;
        }
        if (isUnknown(lhs) || isUnknown(rhs)) {
            return Unknown.VALUE;
        }
        return and;
    }

    private static Object arithmetic(String op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            try {
                switch (op) {
                    case "+":
                        return Math.addExact(x, y);
                    case "-":
                        return Math.subtractExact(x, y);
                    case "*":
                        return Math.multiplyExact(x, y);
                    case "%":
                        if (y == 0) {
                            throw new EvalException("modulo by zero");
                        }
                        return x % y;
                    default:
                        break;
                }
            } catch (ArithmeticException overflow) {
                // continue in floating point
            }
        }
        double x = Values.toDouble(a);
        double y = Values.toDouble(b);
        switch (op) {
            case "+":
                return Values.number(x + y);
            case "-":
                return Values.number(x - y);
            case "*":
                return Values.number(x * y);
            case "/":
                if (y == 0) {
                    throw new EvalException("division by zero");
                }
                return Values.number(x / y);
            case "%":
                if (y == 0) {
                    throw new EvalException("modulo by zero");
                }
                return Values.number(x % y);
            default:
                throw new EvalException("unsupported operator " + op);
        }
    }

    static Object unary(String op, Object v) {
        if (isUnknown(v)) {
            return Unknown.VALUE;
        }
        if (op.equals("!")) {
            return !Values.toBool(v);
        }
        if (op.equals("-")) {
            Object n = Values.toNumber(v);
            return n instanceof Long l && l != Long.MIN_VALUE ? (Object) (-l) : Values.number(-Values.toDouble(n));
        }
        throw new EvalException("unsupported operator " + op);
    }
}
