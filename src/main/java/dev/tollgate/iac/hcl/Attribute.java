package dev.tollgate.iac.hcl;

/** {@code name = expr}; {@code range} covers the whole definition, from the name to the end of the expression. */
public record Attribute(String name, Expr expr, Range range, Range nameRange) {
}
