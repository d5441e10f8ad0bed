package dev.tollgate.iac.hcl;

/**
 * Character cursor and tokenizer for the native syntax. Template text (quoted strings, heredoc bodies) is not
 * tokenized here: after an opening quote or heredoc header the parser reads characters through
 * {@link #peekChar}/{@link #advance} and comes back to {@link #next()} for each interpolation.
 */
final class Lexer {
    private final String src;
    private int off;
    private int line = 1;
    private int col = 1;

    Lexer(String src) {
        this.src = src;
    }

    /** A lexer for text that sits at {@code origin} inside a larger file (a JSON string), for positions. */
    Lexer(String src, Pos origin) {
        this.src = src;
        this.line = origin.line();
        this.col = origin.column();
        this.off = 0;
        this.base = origin.offset();
    }

    private int base;

    Pos pos() {
        return new Pos(line, col, base + off);
    }

    boolean atEnd() {
        return off >= src.length();
    }

    /** The character {@code ahead} positions from the cursor, or -1 past the end. */
    int peekChar(int ahead) {
        int i = off + ahead;
        return i < src.length() ? src.charAt(i) : -1;
    }

    void advance() {
        char c = src.charAt(off++);
        if (c == '\n') {
            line++;
            col = 1;
        } else if (!Character.isLowSurrogate(c)) {
            col++;
        }
    }

    boolean startsWith(String s) {
        return src.startsWith(s, off);
    }

    /** Scans the next token, skipping spaces and comments. A line comment ends at (not including) its newline. */
    Token next() {
        skipSpaceAndComments();
        Pos start = pos();
        if (atEnd()) {
            return new Token(TokenType.EOF, "", start, start, false);
        }
        char c = src.charAt(off);
        if (c == '\n') {
            advance();
            return token(TokenType.NEWLINE, "\n", start);
        }
        if (c == '/' && peekChar(1) == '*') {
            while (!atEnd()) {
                advance(); // the rest of the file is inside the comment
            }
            return new Token(TokenType.INVALID, "an unterminated comment: this \"/*\" comment has no closing \"*/\"",
                    start, start, false);
        }
        if (isIdentStart(c)) {
            int s = off;
            while (!atEnd() && isIdentPart(src.charAt(off))) {
                advance();
            }
            return token(TokenType.IDENT, src.substring(s, off), start);
        }
        if (c >= '0' && c <= '9') {
            return number(start);
        }
        if (c == '<' && peekChar(1) == '<' && heredocHeaderAhead()) {
            return heredoc(start);
        }
        return punctuation(c, start);
    }

    private Token number(Pos start) {
        int s = off;
        skipDigits();
        if (peekChar(0) == '.' && isDigit(peekChar(1))) {
            advance();
            skipDigits();
        }
        int e = peekChar(0);
        if (e == 'e' || e == 'E') {
            int sign = peekChar(1);
            int firstDigit = sign == '+' || sign == '-' ? 2 : 1;
            if (isDigit(peekChar(firstDigit))) {
                for (int i = 0; i < firstDigit; i++) {
                    advance();
                }
                skipDigits();
            }
        }
        return token(TokenType.NUMBER, src.substring(s, off), start);
    }

    private void skipDigits() {
        while (isDigit(peekChar(0))) {
            advance();
        }
    }

    private boolean heredocHeaderAhead() {
        int i = off + 2;
        if (i < src.length() && src.charAt(i) == '-') {
            i++;
        }
        return i < src.length() && isIdentStart(src.charAt(i));
    }

    /** {@code <<EOT} or {@code <<-EOT}; the cursor is left just after the header's newline. */
    private Token heredoc(Pos start) {
        advance();
        advance();
        boolean flush = false;
        if (peekChar(0) == '-') {
            flush = true;
            advance();
        }
        int s = off;
        while (!atEnd() && isIdentPart(src.charAt(off))) {
            advance();
        }
        String marker = src.substring(s, off);
        if (peekChar(0) == '\r' && peekChar(1) == '\n') {
            advance();
        }
        if (peekChar(0) != '\n') {
            return new Token(TokenType.INVALID, "a heredoc header \"<<" + (flush ? "-" : "") + marker
                    + "\" that is not followed by a newline: the heredoc text must start on the next line",
                    start, pos(), false);
        }
        Pos end = pos();
        advance();
        return new Token(TokenType.HEREDOC, marker, start, end, flush);
    }

    private Token punctuation(char c, Pos start) {
        int n = peekChar(1);
        TokenType two = switch (c) {
            case '=' -> n == '=' ? TokenType.EQ : n == '>' ? TokenType.FAT_ARROW : null;
            case '!' -> n == '=' ? TokenType.NEQ : null;
            case '<' -> n == '=' ? TokenType.LE : null;
            case '>' -> n == '=' ? TokenType.GE : null;
            case '&' -> n == '&' ? TokenType.AND : null;
            case '|' -> n == '|' ? TokenType.OR : null;
            case ':' -> n == ':' ? TokenType.DOUBLE_COLON : null;
            case '~' -> n == '}' ? TokenType.STRIP_END : null;
            case '.' -> n == '.' && peekChar(2) == '.' ? TokenType.ELLIPSIS : null;
            default -> null;
        };
        if (two != null) {
            int len = two == TokenType.ELLIPSIS ? 3 : 2;
            for (int i = 0; i < len; i++) {
                advance();
            }
            return token(two, src.substring(start.offset(), off), start);
        }
        TokenType one = switch (c) {
            case '"' -> TokenType.OQUOTE;
            case '{' -> TokenType.LBRACE;
            case '}' -> TokenType.RBRACE;
            case '[' -> TokenType.LBRACK;
            case ']' -> TokenType.RBRACK;
            case '(' -> TokenType.LPAREN;
            case ')' -> TokenType.RPAREN;
            case ',' -> TokenType.COMMA;
            case '=' -> TokenType.EQUAL;
            case ':' -> TokenType.COLON;
            case '?' -> TokenType.QUESTION;
            case '.' -> TokenType.DOT;
            case '*' -> TokenType.STAR;
            case '!' -> TokenType.BANG;
            case '+' -> TokenType.PLUS;
            case '-' -> TokenType.MINUS;
            case '/' -> TokenType.SLASH;
            case '%' -> TokenType.PERCENT;
            case '<' -> TokenType.LT;
            case '>' -> TokenType.GT;
            default -> null;
        };
        advance();
        if (one == null) {
            String shown = c == '\'' ? "a single quote (strings use double quotes)"
                    : Character.isISOControl(c) ? String.format("the control character U+%04X", (int) c)
                    : "the character \"" + c + "\"";
            if (Character.isHighSurrogate(c) && !atEnd()) {
                advance();
            }
            return new Token(TokenType.INVALID, shown, start, pos(), false);
        }
        return token(one, String.valueOf(c), start);
    }

    private Token token(TokenType type, String text, Pos start) {
        return new Token(type, text, start, pos(), false);
    }

    private void skipSpaceAndComments() {
        while (!atEnd()) {
            char c = src.charAt(off);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                advance();
            } else if (c == '#' || (c == '/' && peekChar(1) == '/')) {
                while (!atEnd() && src.charAt(off) != '\n') {
                    advance();
                }
            } else if (c == '/' && peekChar(1) == '*') {
                int close = src.indexOf("*/", off + 2);
                if (close < 0) {
                    return; // next() reports the unterminated comment
                }
                while (off < close + 2) {
                    advance();
                }
            } else {
                return;
            }
        }
    }

    static boolean isIdentStart(int c) {
        return c >= 0 && (Character.isLetter(c) || c == '_');
    }

    static boolean isIdentPart(int c) {
        return c >= 0 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
