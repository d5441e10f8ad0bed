package dev.tollgate.iac.hcl;

/** A position in a source file: 1-based line and column (in characters), 0-based character offset. */
public record Pos(int line, int column, int offset) {
}
