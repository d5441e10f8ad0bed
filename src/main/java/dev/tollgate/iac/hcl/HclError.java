package dev.tollgate.iac.hcl;

/** A syntax error at a position, with a message a person can act on. */
public record HclError(Pos pos, String message) {
}
