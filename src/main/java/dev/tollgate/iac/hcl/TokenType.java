package dev.tollgate.iac.hcl;

/** Tokens of the native syntax outside templates (template text is scanned by the parser itself). */
enum TokenType {
    IDENT, NUMBER, NEWLINE, EOF,
    OQUOTE, HEREDOC,
    LBRACE, RBRACE, LBRACK, RBRACK, LPAREN, RPAREN,
    COMMA, EQUAL, COLON, DOUBLE_COLON, QUESTION, DOT, ELLIPSIS, FAT_ARROW, STAR,
    BANG, PLUS, MINUS, SLASH, PERCENT,
    EQ, NEQ, LT, GT, LE, GE, AND, OR,
    STRIP_END,
    INVALID
}
