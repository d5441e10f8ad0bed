package dev.tollgate.iac.hcl;

/** Internal: aborts the current body item; the parser records it as an {@link HclError} and recovers. */
final class SyntaxError extends RuntimeException {
    final transient Pos pos;

    SyntaxError(Pos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }
}
