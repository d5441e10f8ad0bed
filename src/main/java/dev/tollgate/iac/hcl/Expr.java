package dev.tollgate.iac.hcl;

import java.util.List;

/**
 * HCL2 native-syntax expressions. The node kinds follow HashiCorp's hclsyntax package one for one, so that
 * {@link #kind()} names the same node type the reference parser reports (see the hcl-oracle corpus).
 */
public sealed interface Expr {

    Range range();

    /** The hclsyntax node type name, e.g. {@code TemplateExpr}, {@code ScopeTraversalExpr}. */
    default String kind() {
        return getClass().getSimpleName();
    }

    /** A number, bool or null literal. Numbers are {@link java.math.BigDecimal}; {@code value} is null for null. */
    record LiteralValueExpr(Object value, Range range) implements Expr {
    }

    /**
     * A quoted string or heredoc: literal parts, interpolations and directives. A string without any
     * interpolation or directive has exactly one {@link TemplatePart.Literal} part (or none when empty).
     */
    record TemplateExpr(List<TemplatePart> parts, boolean heredoc, Range range) implements Expr {
    }

    /** A template that is exactly one interpolation, {@code "${expr}"}: its value is the wrapped value, untouched. */
    record TemplateWrapExpr(Expr wrapped, Range range) implements Expr {
    }

    /** A variable with static traversal steps: {@code var.x}, {@code aws_s3_bucket.b.id}, {@code local.m["k"]}, {@code a.0}. */
    record ScopeTraversalExpr(String root, List<Traverser> traversal, Range range) implements Expr {
    }

    /** Static traversal steps applied to the result of another expression: {@code f(x)[0].id}. */
    record RelativeTraversalExpr(Expr source, List<Traverser> traversal, Range range) implements Expr {
    }

    /** {@code name(args...)}; {@code expandFinal} when the last argument is followed by {@code ...}. */
    record FunctionCallExpr(String name, List<Expr> args, boolean expandFinal, Range range) implements Expr {
    }

    /** {@code [a, b, c]} */
    record TupleConsExpr(List<Expr> items, Range range) implements Expr {
    }

    /**
     * {@code { key = value, ... }}. A bare identifier key is a literal string key ({@code bareKey} true), as in
     * HCL; any other key (quoted, parenthesised, an expression) is evaluated.
     */
    record ObjectConsExpr(List<ObjectItem> items, Range range) implements Expr {
    }

    record ObjectItem(Expr key, Expr value, boolean bareKey) {
    }

    /** {@code cond ? a : b} */
    record ConditionalExpr(Expr condition, Expr trueResult, Expr falseResult, Range range) implements Expr {
    }

    /** {@code a op b} with op one of {@code || && == != < > <= >= + - * / %}. */
    record BinaryOpExpr(String op, Expr lhs, Expr rhs, Range range) implements Expr {
    }

    /** {@code !a} or {@code -a}. */
    record UnaryOpExpr(String op, Expr operand, Range range) implements Expr {
    }

    /**
     * {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if cond}}.
     * {@code keyVar} is null when only one variable is named; {@code keyExpr} is null for a tuple result.
     */
    record ForExpr(String keyVar, String valVar, Expr collection, Expr keyExpr, Expr valueExpr, Expr condition,
                   boolean grouping, Range range) implements Expr {
    }

    /**
     * {@code source[*].a.b} (full splat) or legacy {@code source.*.a.b} (attribute-only splat): {@code each} is
     * applied to every element of {@code source}.
     */
    record SplatExpr(Expr source, List<Traverser> each, boolean legacy, Range range) implements Expr {
    }

    /** {@code collection[key]} where key is not a literal (a literal key stays inside a traversal). */
    record IndexExpr(Expr collection, Expr key, Range range) implements Expr {
    }

    /** {@code (expr)}: kept as a node so that a parenthesised object key is evaluated, not taken as a name. */
    record ParenthesesExpr(Expr inner, Range range) implements Expr {
    }

    /** One static traversal step. */
    sealed interface Traverser {
        /** {@code .name} */
        record Attr(String name) implements Traverser {
        }

        /** {@code [literal]} or legacy {@code .0}; key is a String or a {@link java.math.BigDecimal}. */
        record Index(Object key) implements Traverser {
        }

        /**
         * A nested splat inside a splat's {@code each}, as in {@code a[*].b[*].c}: the steps after it apply to
         * every element of the value reached so far, giving a list per element (hclsyntax nests SplatExprs).
         */
        record Splat() implements Traverser {
        }
    }

    /** A piece of a template. */
    sealed interface TemplatePart {
        record Literal(String text) implements TemplatePart {
        }

        /** {@code ${expr}}; strip markers {@code ~} are already applied to neighbouring literals by the parser. */
        record Interpolation(Expr expr) implements TemplatePart {
        }

        /** {@code %{ if cond }...%{ else }...%{ endif }}; {@code elseParts} is empty when there is no else. */
        record If(Expr condition, List<TemplatePart> thenParts, List<TemplatePart> elseParts) implements TemplatePart {
        }

        /** {@code %{ for k, v in coll }...%{ endfor }}; {@code keyVar} null when only one variable is named. */
        record For(String keyVar, String valVar, Expr collection, List<TemplatePart> body) implements TemplatePart {
        }
    }
}
