package dev.tollgate.iac.cloudformation;

/** A template that cannot be read, with its 1-based position (0 when not known). */
final class TemplateError extends RuntimeException {
    final int line;
    final int column;

    TemplateError(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }
}
