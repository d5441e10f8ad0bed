package dev.tollgate.iac.hcl;

/**
 * One lexical token. For {@link TokenType#HEREDOC} {@code text} is the marker and {@code flush} says {@code <<-}.
 * For {@link TokenType#INVALID} {@code text} says what was wrong.
 */
record Token(TokenType type, String text, Pos start, Pos end, boolean flush) {

    Range range() {
        return new Range(start, end);
    }

    String describe() {
        return switch (type) {
            case NEWLINE -> "a newline";
            case EOF -> "the end of the file";
            case IDENT -> "\"" + text + "\"";
            case NUMBER -> "the number " + text;
            case OQUOTE -> "a quoted string";
            case HEREDOC -> "a heredoc";
            case INVALID -> text;
            default -> "\"" + text + "\"";
        };
    }
}
