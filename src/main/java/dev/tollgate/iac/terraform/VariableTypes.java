package dev.tollgate.iac.terraform;

import dev.tollgate.iac.hcl.Expr;

/**
 * The conversion Terraform applies to a variable's value for a primitive {@code type}: a tfvars {@code "3"}
 * becomes the number 3 for {@code type = number}. Complex types are left as they are.
 */
final class VariableTypes {
    private VariableTypes() {
    }

    static Object convert(Object value, Expr type) {
        if (value == null || Values.isUnknown(value)
                || !(type instanceof Expr.ScopeTraversalExpr st) || !st.traversal().isEmpty()) {
            return value;
        }
        try {
            return switch (st.root()) {
                case "number" -> Values.toNumber(value);
                case "bool" -> Values.toBool(value);
                case "string" -> value instanceof String || value instanceof Boolean || Values.isNumber(value)
                        ? Values.toStr(value) : value;
                default -> value;
            };
        } catch (EvalException e) {
            return value;
        }
    }
}
