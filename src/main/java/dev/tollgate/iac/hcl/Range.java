package dev.tollgate.iac.hcl;

/** A source range; {@code end} is the position just after the last character, as in hclsyntax. */
public record Range(Pos start, Pos end) {

    public int startLine() {
        return start.line();
    }

    /** The line of the last character of the range. */
    public int endLine() {
        return end.line();
    }
}
