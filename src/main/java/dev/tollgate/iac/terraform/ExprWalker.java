package dev.tollgate.iac.terraform;

import dev.tollgate.iac.hcl.Attribute;
import dev.tollgate.iac.hcl.Block;
import dev.tollgate.iac.hcl.Body;
import dev.tollgate.iac.hcl.Expr;
import dev.tollgate.iac.hcl.Expr.TemplatePart;

import java.util.List;
import java.util.function.Consumer;

/** Visits every variable traversal ({@code a.b.c}) in a body or an expression, without evaluating anything. */
final class ExprWalker {
    private static final int MAX_DEPTH = 400;

    private ExprWalker() {
    }

    static void walk(Body body, Consumer<Expr.ScopeTraversalExpr> visitor) {
        walkBody(body, visitor, 0);
    }

    static void walk(Expr expr, Consumer<Expr.ScopeTraversalExpr> visitor) {
        walkExpr(expr, visitor, 0);
    }

    private static void walkBody(Body body, Consumer<Expr.ScopeTraversalExpr> visitor, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Attribute a : body.attributes()) {
            walkExpr(a.expr(), visitor, depth + 1);
        }
        for (Block b : body.blocks()) {
            walkBody(b.body(), visitor, depth + 1);
        }
    }

    private static void walkExpr(Expr expr, Consumer<Expr.ScopeTraversalExpr> visitor, int depth) {
        if (expr == null || depth > MAX_DEPTH) {
            return;
        }
        int d = depth + 1;
        if (expr instanceof Expr.ScopeTraversalExpr st) {
            visitor.accept(st);
        } else if (expr instanceof Expr.TemplateExpr t) {
            walkParts(t.parts(), visitor, d);
        } else if (expr instanceof Expr.TemplateWrapExpr w) {
            walkExpr(w.wrapped(), visitor, d);
        } else if (expr instanceof Expr.RelativeTraversalExpr rt) {
            walkExpr(rt.source(), visitor, d);
        } else if (expr instanceof Expr.FunctionCallExpr call) {
            call.args().forEach(a -> walkExpr(a, visitor, d));
        } else if (expr instanceof Expr.TupleConsExpr tuple) {
            tuple.items().forEach(a -> walkExpr(a, visitor, d));
        } else if (expr instanceof Expr.ObjectConsExpr obj) {
            for (Expr.ObjectItem item : obj.items()) {
                if (!item.bareKey()) {
                    walkExpr(item.key(), visitor, d);
                }
                walkExpr(item.value(), visitor, d);
            }
        } else if (expr instanceof Expr.ConditionalExpr c) {
            walkExpr(c.condition(), visitor, d);
            walkExpr(c.trueResult(), visitor, d);
            walkExpr(c.falseResult(), visitor, d);
        } else if (expr instanceof Expr.BinaryOpExpr b) {
            walkExpr(b.lhs(), visitor, d);
            walkExpr(b.rhs(), visitor, d);
        } else if (expr instanceof Expr.UnaryOpExpr u) {
            walkExpr(u.operand(), visitor, d);
        } else if (expr instanceof Expr.ForExpr f) {
            walkExpr(f.collection(), visitor, d);
            walkExpr(f.keyExpr(), visitor, d);
            walkExpr(f.valueExpr(), visitor, d);
            walkExpr(f.condition(), visitor, d);
        } else if (expr instanceof Expr.SplatExpr s) {
            walkExpr(s.source(), visitor, d);
        } else if (expr instanceof Expr.IndexExpr ix) {
            walkExpr(ix.collection(), visitor, d);
            walkExpr(ix.key(), visitor, d);
        } else if (expr instanceof Expr.ParenthesesExpr p) {
            walkExpr(p.inner(), visitor, d);
        }
    }

    private static void walkParts(List<TemplatePart> parts, Consumer<Expr.ScopeTraversalExpr> visitor, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Interpolation in) {
                walkExpr(in.expr(), visitor, depth + 1);
            } else if (part instanceof TemplatePart.If i) {
                walkExpr(i.condition(), visitor, depth + 1);
                walkParts(i.thenParts(), visitor, depth + 1);
                walkParts(i.elseParts(), visitor, depth + 1);
            } else if (part instanceof TemplatePart.For f) {
                walkExpr(f.collection(), visitor, depth + 1);
                walkParts(f.body(), visitor, depth + 1);
            }
        }
    }
}
