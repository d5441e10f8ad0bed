package dev.tollgate.iac.hcl;

import dev.tollgate.iac.hcl.Expr.TemplatePart;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the flat sequence of template pieces scanned by the parser into {@link TemplatePart}s: applies strip
 * markers ({@code ~}), the {@code <<-} indentation flush, and nests {@code if}/{@code for} directives, the way
 * hclsyntax does (strip first, then flush, then nesting).
 */
final class TemplateBuilder {

    /** A scanned piece of template. Literal text is mutable because strip markers and flush edit it. */
    abstract static class Item {
        boolean stripBefore;
        boolean stripAfter;
        Pos pos;
    }

    static final class Lit extends Item {
        String text;

        Lit(String text, Pos pos) {
            this.text = text;
            this.pos = pos;
        }
    }

    static final class Interp extends Item {
        final Expr expr;

        Interp(Expr expr) {
            this.expr = expr;
        }
    }

    enum DirectiveKind { IF, ELSE, ENDIF, FOR, ENDFOR }

    static final class Directive extends Item {
        final DirectiveKind kind;
        final Expr expr;
        final String keyVar;
        final String valVar;

        Directive(DirectiveKind kind, Expr expr, String keyVar, String valVar) {
            this.kind = kind;
            this.expr = expr;
            this.keyVar = keyVar;
            this.valVar = valVar;
        }
    }

    private final List<Item> items;
    private int next;

    private TemplateBuilder(List<Item> items) {
        this.items = items;
    }

    /** True when the template is exactly one interpolation: hclsyntax then returns the wrapped value untouched. */
    static boolean isPassThrough(List<Item> items) {
        return items.size() == 1 && items.get(0) instanceof Interp;
    }

    static List<TemplatePart> build(List<Item> items, boolean flush) {
        applyStripMarkers(items);
        if (flush) {
            flushIndentation(items);
        }
        TemplateBuilder b = new TemplateBuilder(items);
        List<TemplatePart> parts = b.sequence();
        if (b.next < items.size()) {
            Directive d = (Directive) items.get(b.next);
            throw new SyntaxError(d.pos, "Unexpected template directive: this %{ " + d.kind.name().toLowerCase()
                    + " } has no matching %{ " + (d.kind == DirectiveKind.ENDFOR ? "for" : "if") + " } before it");
        }
        return parts;
    }

    private static void applyStripMarkers(List<Item> items) {
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (it.stripBefore && i > 0 && items.get(i - 1) instanceof Lit lit) {
                lit.text = stripTrailingSpace(lit.text);
            }
            if (it.stripAfter && i + 1 < items.size() && items.get(i + 1) instanceof Lit lit) {
                lit.text = lit.text.substring(leadingSpaceLength(lit.text));
            }
        }
    }

    /**
     * {@code <<-}: removes the smallest indentation of all lines from every line. Blank lines do not count, and a
     * line that starts with an interpolation or directive has indentation zero (hclsyntax's rule).
     */
    private static void flushIndentation(List<Item> items) {
        int minSpaces = Integer.MAX_VALUE;
        boolean lineStart = true;
        List<Lit> adjust = new ArrayList<>();
        for (Item it : items) {
            if (lineStart) {
                lineStart = false;
                int spaces;
                if (it instanceof Lit lit) {
                    int lead = leadingSpaceLength(lit.text);
                    if (lead == lit.text.length() && lit.text.endsWith("\n")) {
                        spaces = Integer.MAX_VALUE;
                    } else {
                        spaces = lit.text.codePointCount(0, lead);
                        adjust.add(lit);
                    }
                } else {
                    spaces = 0;
                }
                minSpaces = Math.min(minSpaces, spaces);
            }
            if (it instanceof Lit lit && lit.text.endsWith("\n")) {
                lineStart = true;
            }
        }
        for (Lit lit : adjust) {
            lit.text = lit.text.substring(lit.text.offsetByCodePoints(0, minSpaces));
        }
    }

    /** Parts up to (not including) an else/endif/endfor directive or the end. */
    private List<TemplatePart> sequence() {
        List<TemplatePart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (next < items.size()) {
            Item it = items.get(next);
            if (it instanceof Lit lit) {
                text.append(lit.text);
                next++;
                continue;
            }
            if (it instanceof Directive d && (d.kind == DirectiveKind.ELSE || d.kind == DirectiveKind.ENDIF
                    || d.kind == DirectiveKind.ENDFOR)) {
                break;
            }
            flushText(text, parts);
            next++;
            if (it instanceof Interp in) {
                parts.add(new TemplatePart.Interpolation(in.expr));
            } else {
                Directive d = (Directive) it;
                parts.add(d.kind == DirectiveKind.IF ? ifPart(d) : forPart(d));
            }
        }
        flushText(text, parts);
        return parts;
    }

    private TemplatePart ifPart(Directive open) {
        List<TemplatePart> thenParts = sequence();
        List<TemplatePart> elseParts = List.of();
        if (at(DirectiveKind.ELSE)) {
            next++;
            elseParts = sequence();
        }
        if (!at(DirectiveKind.ENDIF)) {
            throw new SyntaxError(open.pos, "Unterminated template directive: this %{ if } has no matching %{ endif }");
        }
        next++;
        return new TemplatePart.If(open.expr, thenParts, elseParts);
    }

    private TemplatePart forPart(Directive open) {
        List<TemplatePart> body = sequence();
        if (!at(DirectiveKind.ENDFOR)) {
            throw new SyntaxError(open.pos, "Unterminated template directive: this %{ for } has no matching %{ endfor }");
        }
        next++;
        return new TemplatePart.For(open.keyVar, open.valVar, open.expr, body);
    }

    private boolean at(DirectiveKind kind) {
        return next < items.size() && items.get(next) instanceof Directive d && d.kind == kind;
    }

    private static void flushText(StringBuilder text, List<TemplatePart> parts) {
        if (text.length() > 0) {
            parts.add(new TemplatePart.Literal(text.toString()));
            text.setLength(0);
        }
    }

    private static int leadingSpaceLength(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stripTrailingSpace(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
