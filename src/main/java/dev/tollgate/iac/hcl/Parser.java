package dev.tollgate.iac.hcl;

import dev.tollgate.iac.hcl.Expr.Traverser;
import dev.tollgate.iac.hcl.TemplateBuilder.Directive;
import dev.tollgate.iac.hcl.TemplateBuilder.DirectiveKind;
import dev.tollgate.iac.hcl.TemplateBuilder.Interp;
import dev.tollgate.iac.hcl.TemplateBuilder.Item;
import dev.tollgate.iac.hcl.TemplateBuilder.Lit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for one native-syntax file, following hclsyntax's grammar and node choices.
 * Newlines are significant in bodies and object constructors and ignored inside parentheses, brackets and
 * template interpolations, as in hclsyntax. Syntax errors abort the current body item ({@link SyntaxError});
 * the body loop records them and skips to the end of that item, so the rest of the file is still read.
 * After the first error in a top-level item, later errors in the same item are not reported: they are
 * almost always consequences of the first.
 */
final class Parser {
    private final Lexer lx;
    private final List<HclError> errors = new ArrayList<>();
    private Token peeked;
    private Token prev;
    private boolean includeNewlines = true;
    private final ArrayList<Boolean> newlineModes = new ArrayList<>();
    /** Open brackets, braces and template sequences consumed so far; recovery uses it to find an item's end. */
    private int bracketDepth;
    /** Nesting of blocks and expressions, bounded by {@link HclParser#MAX_DEPTH}. */
    private int nesting;
    private boolean recovering;

    Parser(String text) {
        this.lx = new Lexer(text);
    }

    private Parser(String text, Pos origin) {
        this.lx = new Lexer(text, origin);
    }

    /**
     * Parses {@code text} as template content with no delimiters, as Terraform's JSON syntax reads every JSON
     * string ({@code "${var.x}"} is a TemplateWrapExpr). Positions count from {@code origin}.
     * Throws {@link SyntaxError}.
     */
    static Expr parseTemplateText(String text, Pos origin, Range range) {
        Parser p = new Parser(text, origin);
        List<Item> items = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        Pos textStart = p.lx.pos();
        while (!p.lx.atEnd()) {
            if (p.readTemplateSequence(items, buf, textStart)) {
                textStart = p.lx.pos();
            } else {
                buf.append((char) p.lx.peekChar(0));
                p.lx.advance();
            }
        }
        addLiteral(items, buf, textStart);
        return p.finishTemplate(items, false, false, range);
    }

    HclFile parseFile(String path) {
        Pos start = lx.pos();
        BodyParts parts = new BodyParts();
        parseBodyItems(parts, null, null);
        Body body = new Body(List.copyOf(parts.attributes), List.copyOf(parts.blocks), new Range(start, lx.pos()));
        return new HclFile(path, body, List.copyOf(errors));
    }

    // ---------------------------------------------------------------- tokens

    private Token peek() {
        while (true) {
            if (peeked == null) {
                peeked = lx.next();
            }
            if (peeked.type() == TokenType.NEWLINE && !includeNewlines) {
                peeked = null;
                continue;
            }
            return peeked;
        }
    }

    private Token read() {
        Token t = peek();
        peeked = null;
        prev = t;
        switch (t.type()) {
            case LBRACE, LBRACK, LPAREN -> bracketDepth++;
            case RBRACE, RBRACK, RPAREN, STRIP_END -> bracketDepth = Math.max(0, bracketDepth - 1);
            default -> {
            }
        }
        return t;
    }

    private Token expect(TokenType type, String message) {
        Token t = peek();
        if (t.type() != type) {
            throw new SyntaxError(t.start(), message + ", found " + t.describe());
        }
        return read();
    }

    private boolean peekIsKeyword(String word) {
        Token t = peek();
        return t.type() == TokenType.IDENT && t.text().equals(word);
    }

    private void pushNewlines(boolean include) {
        newlineModes.add(includeNewlines);
        includeNewlines = include;
    }

    private void popNewlines() {
        includeNewlines = newlineModes.remove(newlineModes.size() - 1);
    }

    private void enter(Pos at) {
        if (++nesting > HclParser.MAX_DEPTH) {
            throw new SyntaxError(at, "Nesting too deep: more than " + HclParser.MAX_DEPTH
                    + " levels of nested blocks, brackets or templates");
        }
    }

    private void leave() {
        nesting--;
    }

    /** Hostile input could otherwise produce an error per line; the first ones are the useful ones. */
    static final int MAX_ERRORS = 100;

    private void error(Pos pos, String message) {
        if (!recovering && errors.size() <= MAX_ERRORS) {
            errors.add(errors.size() < MAX_ERRORS ? new HclError(pos, message)
                    : new HclError(pos, "Too many errors: stopped reporting after " + MAX_ERRORS));
        }
        recovering = true;
    }

    // ---------------------------------------------------------------- bodies

    private static final class BodyParts {
        final List<Attribute> attributes = new ArrayList<>();
        final List<Block> blocks = new ArrayList<>();
        final Map<String, Attribute> byName = new HashMap<>();
    }

    /**
     * Reads body items up to the closing brace of {@code open} (consumed and returned) or, for the file body
     * ({@code open} null), to the end of the file. Returns null when the block is not closed.
     */
    private Token parseBodyItems(BodyParts parts, Token open, String blockType) {
        boolean topLevel = open == null;
        while (true) {
            Token t = peek();
            switch (t.type()) {
                case NEWLINE -> {
                    read();
                    continue;
                }
                case EOF -> {
                    if (!topLevel) {
                        error(open.start(), "Unclosed configuration block: the \"{\" of this " + blockType
                                + " block has no closing brace before the end of the file");
                    }
                    return null;
                }
                case RBRACE -> {
                    if (!topLevel) {
                        return read();
                    }
                    error(t.start(), "Unexpected \"}\": there is no open block here to close");
                    read();
                    continue;
                }
                default -> {
                }
            }
            if (topLevel) {
                recovering = false;
            }
            int depthBefore = bracketDepth;
            int nestingBefore = nesting;
            boolean newlinesBefore = includeNewlines;
            int modesBefore = newlineModes.size();
            try {
                parseBodyItem(parts, false);
            } catch (SyntaxError e) {
                error(e.pos, e.getMessage());
                nesting = nestingBefore;
                while (newlineModes.size() > modesBefore) {
                    newlineModes.remove(newlineModes.size() - 1);
                }
                includeNewlines = newlinesBefore;
                recoverToItemEnd(depthBefore);
            }
        }
    }

    private void parseBodyItem(BodyParts parts, boolean singleLine) {
        Token t = peek();
        if (t.type() != TokenType.IDENT) {
            throw new SyntaxError(t.start(), switch (t.type()) {
                case OQUOTE -> "Invalid argument name: argument names must not be quoted";
                case INVALID -> "Invalid character: found " + t.text();
                default -> "Argument or block definition required: expected an argument name or a block type, found "
                        + t.describe();
            });
        }
        Token name = read();
        if (peek().type() == TokenType.EQUAL) {
            parseAttribute(parts, name, singleLine);
        } else {
            parseBlock(parts, name);
        }
    }

    private void parseAttribute(BodyParts parts, Token name, boolean singleLine) {
        read(); // '='
        Expr value = parseExpression();
        Attribute attr = new Attribute(name.text(), value, new Range(name.start(), value.range().end()), name.range());
        Attribute existing = parts.byName.putIfAbsent(attr.name(), attr);
        if (existing != null) {
            errors.add(new HclError(name.start(), "Attribute redefined: the argument \"" + attr.name()
                    + "\" was already set at line " + existing.range().startLine() + "; each argument may be set only once"));
        } else {
            parts.attributes.add(attr);
        }
        if (singleLine) {
            return;
        }
        Token end = peek();
        if (end.type() == TokenType.NEWLINE) {
            read();
        } else if (end.type() != TokenType.EOF) {
            throw new SyntaxError(end.start(), end.type() == TokenType.COMMA
                    ? "Unexpected comma after argument; argument definitions must be separated by newlines, not commas"
                    : "Missing newline after argument; an argument definition must end with a newline (found "
                    + end.describe() + ")");
        }
    }

    private void parseBlock(BodyParts parts, Token type) {
        List<String> labels = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.type() == TokenType.IDENT) {
                labels.add(read().text());
            } else if (t.type() == TokenType.OQUOTE) {
                labels.add(parseLabel(read()));
            } else {
                break;
            }
        }
        Token open = peek();
        if (open.type() != TokenType.LBRACE) {
            throw new SyntaxError(open.start(), open.type() == TokenType.NEWLINE || open.type() == TokenType.EOF
                    ? "Invalid block definition: the \"{\" that opens the " + type.text()
                    + " block must be on the same line as its type and labels"
                    : "Invalid block definition: expected \"=\" for an argument or \"{\" to open a " + type.text()
                    + " block, found " + open.describe());
        }
        read();
        enter(open.start());
        BodyParts inner = new BodyParts();
        Token close;
        Token first = peek();
        if (first.type() == TokenType.NEWLINE) {
            close = parseBodyItems(inner, open, type.text());
        } else if (first.type() == TokenType.RBRACE) {
            close = read();
        } else {
            close = parseSingleLineBody(inner, type.text());
        }
        leave();
        Pos end = close != null ? close.end() : lx.pos();
        Body body = new Body(List.copyOf(inner.attributes), List.copyOf(inner.blocks), new Range(open.start(), end));
        parts.blocks.add(new Block(type.text(), List.copyOf(labels), body, new Range(type.start(), end), type.range()));
        if (close != null) {
            Token after = peek();
            if (after.type() == TokenType.NEWLINE) {
                read();
            } else if (after.type() != TokenType.EOF) {
                throw new SyntaxError(after.start(),
                        "Missing newline after block definition; a block definition must end with a newline (found "
                                + after.describe() + ")");
            }
        }
    }

    /** {@code type { name = value }}: at most one argument, and the closing brace on the same line. */
    private Token parseSingleLineBody(BodyParts inner, String blockType) {
        Token t = peek();
        if (t.type() == TokenType.IDENT) {
            Token name = read();
            if (peek().type() != TokenType.EQUAL) {
                throw new SyntaxError(peek().start(), "Invalid single-argument block definition: a single-line "
                        + blockType + " block can hold only one argument (name = value); put nested blocks on their own lines");
            }
            parseAttribute(inner, name, true);
        } else {
            parseBodyItem(inner, true); // reports what is wrong with the item
        }
        return expect(TokenType.RBRACE, "Invalid single-argument block definition: a single-line block must end "
                + "with \"}\" right after its one argument");
    }

    private String parseLabel(Token open) {
        Expr label = parseQuoted(open);
        if (label instanceof Expr.TemplateExpr tmpl && isStringLiteral(tmpl)) {
            return literalText(tmpl);
        }
        throw new SyntaxError(open.start(), "Invalid block label: block labels must be plain strings, without ${...} or %{...}");
    }

    /**
     * Skips the rest of a broken body item: up to and including the next newline outside brackets opened in
     * it, or up to (not including) a "}" that closes the enclosing block, or the end of the file.
     */
    private void recoverToItemEnd(int depthBefore) {
        int open = Math.max(0, bracketDepth - depthBefore);
        includeNewlines = true;
        while (true) {
            Token t = peek();
            switch (t.type()) {
                case EOF -> {
                    return;
                }
                case NEWLINE -> {
                    read();
                    if (open == 0) {
                        return;
                    }
                }
                case LBRACE, LBRACK, LPAREN -> {
                    read();
                    open++;
                }
                case RBRACE, RBRACK, RPAREN, STRIP_END -> {
                    if (open == 0 && t.type() == TokenType.RBRACE) {
                        return;
                    }
                    read();
                    open = Math.max(0, open - 1);
                }
                case OQUOTE -> {
                    read();
                    skipQuotedText();
                }
                case HEREDOC -> {
                    read();
                    skipHeredocText(t.text());
                }
                default -> read();
            }
        }
        // bracketDepth is not adjusted: it is only compared relative to an item's start
    }

    private void skipQuotedText() {
        while (!lx.atEnd()) {
            int c = lx.peekChar(0);
            if (c == '\n') {
                return;
            }
            lx.advance();
            if (c == '"') {
                return;
            }
            if (c == '\\' && !lx.atEnd() && lx.peekChar(0) != '\n') {
                lx.advance();
            }
        }
    }

    private void skipHeredocText(String marker) {
        while (!lx.atEnd()) {
            if (atHeredocEnd(marker)) {
                consumeHeredocEnd(marker);
                return;
            }
            while (!lx.atEnd() && lx.peekChar(0) != '\n') {
                lx.advance();
            }
            if (!lx.atEnd()) {
                lx.advance();
            }
        }
    }

    // ---------------------------------------------------------------- expressions

    Expr parseExpression() {
        enter(peek().start());
        Expr cond = parseBinary(0);
        Expr result = cond;
        if (peek().type() == TokenType.QUESTION) {
            read();
            Expr whenTrue = parseExpression();
            expect(TokenType.COLON, "Missing false expression in conditional: expected \":\" and the value to use"
                    + " when the condition is false");
            Expr whenFalse = parseExpression();
            result = new Expr.ConditionalExpr(cond, whenTrue, whenFalse, span(cond.range(), whenFalse.range()));
        }
        leave();
        return result;
    }

    private static int binaryLevel(TokenType t) {
        return switch (t) {
            case OR -> 0;
            case AND -> 1;
            case EQ, NEQ -> 2;
            case LT, GT, LE, GE -> 3;
            case PLUS, MINUS -> 4;
            case STAR, SLASH, PERCENT -> 5;
            default -> -1;
        };
    }

    /** Precedence climbing; operators of one level associate to the left, as in hclsyntax. */
    private Expr parseBinary(int minLevel) {
        Expr lhs = parseUnary();
        while (true) {
            Token op = peek();
            int level = binaryLevel(op.type());
            if (level < minLevel) {
                return lhs;
            }
            read();
            Expr rhs = parseBinary(level + 1);
            lhs = new Expr.BinaryOpExpr(op.text(), lhs, rhs, span(lhs.range(), rhs.range()));
        }
    }

    /** Unary operators bind tighter than any binary operator and apply to a whole traversal: {@code -a.b}. */
    private Expr parseUnary() {
        Token t = peek();
        if (t.type() == TokenType.MINUS || t.type() == TokenType.BANG) {
            read();
            enter(t.start());
            Expr operand = parseUnary();
            leave();
            return new Expr.UnaryOpExpr(t.text(), operand, new Range(t.start(), operand.range().end()));
        }
        return parseTraversals(parseTerm());
    }

    private Expr parseTerm() {
        Token t = peek();
        switch (t.type()) {
            case LPAREN -> {
                read();
                pushNewlines(false);
                Expr inner = parseExpression();
                Token close = expect(TokenType.RPAREN, "Unbalanced parentheses: expected \")\" to close the \"(\" at line "
                        + t.start().line() + " column " + t.start().column());
                popNewlines();
                return new Expr.ParenthesesExpr(inner, new Range(t.start(), close.end()));
            }
            case NUMBER -> {
                read();
                return new Expr.LiteralValueExpr(new BigDecimal(t.text()), t.range());
            }
            case IDENT -> {
                read();
                TokenType after = peek().type();
                if (after == TokenType.LPAREN || after == TokenType.DOUBLE_COLON) {
                    return parseFunctionCall(t);
                }
                return switch (t.text()) {
                    case "true" -> new Expr.LiteralValueExpr(Boolean.TRUE, t.range());
                    case "false" -> new Expr.LiteralValueExpr(Boolean.FALSE, t.range());
                    case "null" -> new Expr.LiteralValueExpr(null, t.range());
                    default -> new Expr.ScopeTraversalExpr(t.text(), List.of(), t.range());
                };
            }
            case OQUOTE -> {
                return parseQuoted(read());
            }
            case HEREDOC -> {
                return parseHeredoc(read());
            }
            case LBRACK -> {
                return parseTuple(read());
            }
            case LBRACE -> {
                return parseObject(read());
            }
            case INVALID -> throw new SyntaxError(t.start(), "Invalid character: found " + t.text());
            default -> throw new SyntaxError(t.start(), "Invalid expression: expected a value (a name, number, string,"
                    + " list, object or function call), found " + t.describe());
        }
    }

    private Expr parseFunctionCall(Token nameTok) {
        StringBuilder name = new StringBuilder(nameTok.text());
        while (peek().type() == TokenType.DOUBLE_COLON) {
            read();
            name.append("::").append(expect(TokenType.IDENT, "Invalid function name: expected a name after \"::\"").text());
        }
        expect(TokenType.LPAREN, "Missing function arguments: expected \"(\" after the function name " + name);
        pushNewlines(false);
        List<Expr> args = new ArrayList<>();
        boolean expand = false;
        Token close;
        while (true) {
            if (peek().type() == TokenType.RPAREN) {
                close = read();
                break;
            }
            args.add(parseExpression());
            Token t = peek();
            if (t.type() == TokenType.ELLIPSIS) {
                read();
                expand = true;
                close = expect(TokenType.RPAREN, "Missing closing parenthesis: an expanded argument (...) must be"
                        + " the last argument of " + name + "()");
                break;
            }
            if (t.type() == TokenType.COMMA) {
                read();
            } else if (t.type() != TokenType.RPAREN) {
                throw new SyntaxError(t.start(), "Missing argument separator: expected \",\" or \")\" after an argument of "
                        + name + "(), found " + t.describe());
            }
        }
        popNewlines();
        return new Expr.FunctionCallExpr(name.toString(), List.copyOf(args), expand, new Range(nameTok.start(), close.end()));
    }

    private Expr parseTuple(Token open) {
        pushNewlines(false);
        if (peekIsKeyword("for")) {
            Expr e = parseFor(open, false);
            popNewlines();
            return e;
        }
        List<Expr> items = new ArrayList<>();
        Token close;
        while (true) {
            if (peek().type() == TokenType.RBRACK) {
                close = read();
                break;
            }
            items.add(parseExpression());
            Token t = peek();
            if (t.type() == TokenType.COMMA) {
                read();
            } else if (t.type() != TokenType.RBRACK) {
                throw new SyntaxError(t.start(), "Missing item separator: expected \",\" or \"]\" after a list item, found "
                        + t.describe());
            }
        }
        popNewlines();
        return new Expr.TupleConsExpr(List.copyOf(items), new Range(open.start(), close.end()));
    }

    private Expr parseObject(Token open) {
        pushNewlines(false);
        boolean isFor = peekIsKeyword("for");
        popNewlines();
        if (isFor) {
            pushNewlines(false);
            Expr e = parseFor(open, true);
            popNewlines();
            return e;
        }
        pushNewlines(true);
        List<Expr.ObjectItem> items = new ArrayList<>();
        Token close;
        while (true) {
            Token t = peek();
            if (t.type() == TokenType.NEWLINE) {
                read();
                continue;
            }
            if (t.type() == TokenType.RBRACE) {
                close = read();
                break;
            }
            boolean parenthesised = t.type() == TokenType.LPAREN;
            Expr key = parseExpression();
            Token sep = peek();
            if (sep.type() != TokenType.EQUAL && sep.type() != TokenType.COLON) {
                throw new SyntaxError(sep.start(), "Missing key/value separator: expected \"=\" after the object key,"
                        + " found " + sep.describe());
            }
            read();
            Expr value = parseExpression();
            boolean bare = !parenthesised && key instanceof Expr.ScopeTraversalExpr s && s.traversal().isEmpty();
            items.add(new Expr.ObjectItem(key, value, bare));
            Token after = peek();
            if (after.type() == TokenType.COMMA || after.type() == TokenType.NEWLINE) {
                read();
            } else if (after.type() != TokenType.RBRACE) {
                throw new SyntaxError(after.start(), "Missing attribute separator: expected a newline or \",\" after an"
                        + " object attribute, found " + after.describe());
            }
        }
        popNewlines();
        return new Expr.ObjectConsExpr(List.copyOf(items), new Range(open.start(), close.end()));
    }

    /** {@code k, v in collection} (or {@code v in collection}) after the keyword {@code for}. */
    private record ForHeader(String keyVar, String valVar, Expr collection) {
    }

    private ForHeader forHeader(String context) {
        String first = expect(TokenType.IDENT, context + ": expected a variable name after \"for\"").text();
        String keyVar = null;
        String valVar = first;
        if (peek().type() == TokenType.COMMA) {
            read();
            keyVar = first;
            valVar = expect(TokenType.IDENT, context + ": expected a second variable name after \",\"").text();
        }
        if (!peekIsKeyword("in")) {
            throw new SyntaxError(peek().start(), context + ": expected \"in\" after the variable names, found "
                    + peek().describe());
        }
        read();
        return new ForHeader(keyVar, valVar, parseExpression());
    }

    private Expr parseFor(Token open, boolean object) {
        read(); // 'for'
        ForHeader header = forHeader("Invalid 'for' expression");
        String keyVar = header.keyVar();
        String valVar = header.valVar();
        Expr collection = header.collection();
        expect(TokenType.COLON, "Invalid 'for' expression: expected \":\" after the collection");
        Expr keyExpr = null;
        if (object) {
            keyExpr = parseExpression();
            expect(TokenType.FAT_ARROW, "Invalid 'for' expression: an object 'for' needs \"=>\" between key and value");
        }
        Expr valueExpr = parseExpression();
        boolean grouping = false;
        if (peek().type() == TokenType.ELLIPSIS) {
            if (!object) {
                throw new SyntaxError(peek().start(), "Invalid 'for' expression: grouping (...) is only allowed in an"
                        + " object 'for' expression");
            }
            read();
            grouping = true;
        }
        Expr condition = null;
        if (peekIsKeyword("if")) {
            read();
            condition = parseExpression();
        }
        TokenType closer = object ? TokenType.RBRACE : TokenType.RBRACK;
        Token close = expect(closer, "Invalid 'for' expression: expected \"" + (object ? "}" : "]") + "\" to end it");
        return new Expr.ForExpr(keyVar, valVar, collection, keyExpr, valueExpr, condition, grouping,
                new Range(open.start(), close.end()));
    }

    // ---------------------------------------------------------------- traversals

    /**
     * Attribute, index and splat steps after a term. Static steps collect into one traversal node (built once,
     * so long chains stay linear); a non-literal index makes an IndexExpr.
     */
    private Expr parseTraversals(Expr from) {
        Pos start = from.range().start();
        Expr base = from;
        List<Traverser> steps = new ArrayList<>();
        Pos end = from.range().end();
        while (true) {
            Token t = peek();
            if (t.type() == TokenType.DOT) {
                read();
                Token a = peek();
                if (a.type() == TokenType.STAR) {
                    read();
                    SplatTail tail = legacySplatEach(a.end());
                    base = new Expr.SplatExpr(flush(base, steps, end), tail.steps, true, new Range(start, tail.end));
                    steps = new ArrayList<>();
                    end = tail.end;
                } else {
                    steps.add(dotStep(a));
                    end = a.end();
                }
            } else if (t.type() == TokenType.LBRACK) {
                read();
                if (peek().type() == TokenType.STAR) {
                    read();
                    Token close = expect(TokenType.RBRACK, "Missing close bracket on splat index: [* must be followed by \"]\"");
                    Expr source = flush(base, steps, end);
                    SplatTail tail = splatEach(close.end());
                    base = new Expr.SplatExpr(source, tail.steps, false, new Range(start, tail.end));
                    steps = new ArrayList<>();
                    end = tail.end;
                    if (tail.indexKey != null) {
                        base = new Expr.IndexExpr(base, tail.indexKey, new Range(start, tail.indexEnd));
                        end = tail.indexEnd;
                    }
                    continue;
                }
                Expr key = parseIndexKey();
                Pos close = prev.end();
                Object literalKey = literalKey(key);
                if (literalKey != NOT_LITERAL) {
                    steps.add(new Traverser.Index(literalKey));
                } else {
                    base = new Expr.IndexExpr(flush(base, steps, end), key, new Range(start, close));
                    steps = new ArrayList<>();
                }
                end = close;
            } else {
                return flush(base, steps, end);
            }
        }
    }

    /** After {@code .}: a name, or a legacy index {@code .0}. */
    private Traverser dotStep(Token a) {
        if (a.type() == TokenType.IDENT) {
            read();
            return new Traverser.Attr(a.text());
        }
        if (a.type() == TokenType.NUMBER) {
            read();
            return new Traverser.Index(legacyIndex(a));
        }
        throw new SyntaxError(a.start(), "Invalid attribute name: an attribute name is required after a dot, found "
                + a.describe());
    }

    /** The key of {@code [key]}, after the "[", through the "]". */
    private Expr parseIndexKey() {
        pushNewlines(false);
        Expr key = parseExpression();
        expect(TokenType.RBRACK, "Missing close bracket on index: expected \"]\"");
        popNewlines();
        return key;
    }

    /**
     * Steps applied to each element by a splat. {@code indexKey} is set when a non-literal index followed:
     * hclsyntax would index each element, but SplatExpr holds static steps only, so the splat ends there and
     * the index applies to its result.
     */
    private record SplatTail(List<Traverser> steps, Pos end, Expr indexKey, Pos indexEnd) {
    }

    /** Legacy {@code .*}: only {@code .name} and {@code .0} steps belong to it. */
    private SplatTail legacySplatEach(Pos markerEnd) {
        List<Traverser> each = new ArrayList<>();
        Pos end = markerEnd;
        while (peek().type() == TokenType.DOT) {
            read();
            Token n = peek();
            if (n.type() == TokenType.STAR) {
                throw new SyntaxError(n.start(), "Nested splat expression not allowed: a .* splat cannot contain another splat");
            }
            each.add(dotStep(n));
            end = n.end();
        }
        return new SplatTail(List.copyOf(each), end, null, null);
    }

    /** Full splat {@code [*]}: every following step, including nested splats, applies to each element. */
    private SplatTail splatEach(Pos markerEnd) {
        List<Traverser> each = new ArrayList<>();
        Pos end = markerEnd;
        while (true) {
            Token t = peek();
            if (t.type() == TokenType.DOT) {
                read();
                Token a = peek();
                if (a.type() == TokenType.STAR) {
                    read();
                    each.add(new Traverser.Splat());
                } else {
                    each.add(dotStep(a));
                }
                end = a.end();
            } else if (t.type() == TokenType.LBRACK) {
                read();
                if (peek().type() == TokenType.STAR) {
                    read();
                    end = expect(TokenType.RBRACK, "Missing close bracket on splat index: [* must be followed by \"]\"").end();
                    each.add(new Traverser.Splat());
                    continue;
                }
                Expr key = parseIndexKey();
                Object literalKey = literalKey(key);
                if (literalKey == NOT_LITERAL) {
                    return new SplatTail(List.copyOf(each), end, key, prev.end());
                }
                each.add(new Traverser.Index(literalKey));
                end = prev.end();
            } else {
                return new SplatTail(List.copyOf(each), end, null, null);
            }
        }
    }

    private static final Object NOT_LITERAL = new Object();

    private Object literalKey(Expr key) {
        if (key instanceof Expr.LiteralValueExpr lit) {
            return lit.value();
        }
        if (key instanceof Expr.TemplateExpr tmpl && isStringLiteral(tmpl)) {
            return literalText(tmpl);
        }
        return NOT_LITERAL;
    }

    private BigDecimal legacyIndex(Token number) {
        if (number.text().indexOf('.') >= 0) {
            String[] parts = number.text().split("\\.", 2);
            throw new SyntaxError(number.start(), "Invalid legacy index syntax: chaining two indexes as ." + number.text()
                    + " is not permitted; write [" + parts[0] + "][" + parts[1] + "] instead");
        }
        return new BigDecimal(number.text());
    }

    private static Expr flush(Expr base, List<Traverser> steps, Pos end) {
        if (steps.isEmpty()) {
            return base;
        }
        Range range = new Range(base.range().start(), end);
        if (base instanceof Expr.ScopeTraversalExpr s) {
            return new Expr.ScopeTraversalExpr(s.root(), concat(s.traversal(), steps), range);
        }
        if (base instanceof Expr.RelativeTraversalExpr r) {
            return new Expr.RelativeTraversalExpr(r.source(), concat(r.traversal(), steps), range);
        }
        return new Expr.RelativeTraversalExpr(base, List.copyOf(steps), range);
    }

    private static List<Traverser> concat(List<Traverser> a, List<Traverser> b) {
        List<Traverser> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    // ---------------------------------------------------------------- templates

    static boolean isStringLiteral(Expr.TemplateExpr tmpl) {
        return tmpl.parts().stream().allMatch(p -> p instanceof Expr.TemplatePart.Literal);
    }

    static String literalText(Expr.TemplateExpr tmpl) {
        StringBuilder sb = new StringBuilder();
        for (Expr.TemplatePart p : tmpl.parts()) {
            sb.append(((Expr.TemplatePart.Literal) p).text());
        }
        return sb.toString();
    }

    private Expr parseQuoted(Token open) {
        enter(open.start());
        List<Item> items = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Pos textStart = lx.pos();
        while (true) {
            int c = lx.peekChar(0);
            if (c == -1 || c == '\n' || (c == '\r' && lx.peekChar(1) == '\n')) {
                throw new SyntaxError(open.start(), "Unterminated string: this quoted string has no closing \" on its line;"
                        + " use a heredoc (<<EOT) for text over several lines");
            }
            if (c == '"') {
                lx.advance();
                break;
            }
            if (c == '\\') {
                readEscape(text);
            } else if (!readTemplateSequence(items, text, textStart)) {
                text.append((char) c);
                lx.advance();
                continue;
            }
            if (text.length() == 0) {
                textStart = lx.pos();
            }
        }
        addLiteral(items, text, textStart);
        leave();
        return finishTemplate(items, false, false, new Range(open.start(), lx.pos()));
    }

    private Expr parseHeredoc(Token open) {
        enter(open.start());
        String marker = open.text();
        List<Item> items = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Pos textStart = lx.pos();
        boolean lineStart = true;
        while (true) {
            if (lineStart) {
                if (atHeredocEnd(marker)) {
                    addLiteral(items, text, textStart);
                    consumeHeredocEnd(marker);
                    break;
                }
                if (lx.atEnd()) {
                    throw new SyntaxError(open.start(), "Unterminated heredoc: no line with only \"" + marker
                            + "\" closes the heredoc that starts here");
                }
                lineStart = false;
            }
            int c = lx.peekChar(0);
            if (c == -1) {
                lineStart = true; // reports the missing marker
                continue;
            }
            if (readTemplateSequence(items, text, textStart)) {
                textStart = lx.pos();
                continue;
            }
            text.append((char) c);
            lx.advance();
            if (c == '\n') {
                addLiteral(items, text, textStart); // one literal per line, as hclsyntax's flush rule needs
                textStart = lx.pos();
                lineStart = true;
            }
        }
        leave();
        return finishTemplate(items, true, open.flush(), new Range(open.start(), lx.pos()));
    }

    private boolean atHeredocEnd(String marker) {
        int i = 0;
        while (lx.peekChar(i) == ' ' || lx.peekChar(i) == '\t') {
            i++;
        }
        for (int k = 0; k < marker.length(); k++) {
            if (lx.peekChar(i + k) != marker.charAt(k)) {
                return false;
            }
        }
        int after = lx.peekChar(i + marker.length());
        return after == -1 || after == '\n' || (after == '\r' && lx.peekChar(i + marker.length() + 1) == '\n');
    }

    private void consumeHeredocEnd(String marker) {
        while (lx.peekChar(0) == ' ' || lx.peekChar(0) == '\t') {
            lx.advance();
        }
        for (int k = 0; k < marker.length(); k++) {
            lx.advance();
        }
    }

    private Expr finishTemplate(List<Item> items, boolean heredoc, boolean flush, Range range) {
        if (TemplateBuilder.isPassThrough(items)) {
            return new Expr.TemplateWrapExpr(((Interp) items.get(0)).expr, range);
        }
        return new Expr.TemplateExpr(List.copyOf(TemplateBuilder.build(items, flush)), heredoc, range);
    }

    private static void addLiteral(List<Item> items, StringBuilder text, Pos start) {
        if (text.length() > 0) {
            items.add(new Lit(text.toString(), start));
            text.setLength(0);
        }
    }

    /** {@code $${}, %%{} escapes, {@code ${...}} and {@code %{...}}; false when the cursor is at plain text. */
    private boolean readTemplateSequence(List<Item> items, StringBuilder text, Pos textStart) {
        int c = lx.peekChar(0);
        if (c != '$' && c != '%') {
            return false;
        }
        int c1 = lx.peekChar(1);
        if (c1 == c && lx.peekChar(2) == '{') {
            text.append((char) c).append('{');
            lx.advance();
            lx.advance();
            lx.advance();
            return true;
        }
        if (c1 != '{') {
            return false;
        }
        addLiteral(items, text, textStart);
        Pos start = lx.pos();
        lx.advance();
        lx.advance();
        boolean stripBefore = false;
        if (lx.peekChar(0) == '~') {
            lx.advance();
            stripBefore = true;
        }
        bracketDepth++;
        enter(start);
        pushNewlines(false);
        Item item = c == '$' ? new Interp(parseExpression()) : parseDirective(start);
        Token close = peek();
        if (close.type() != TokenType.RBRACE && close.type() != TokenType.STRIP_END) {
            throw new SyntaxError(close.start(), "Unterminated template sequence: expected \"}\" to close the \""
                    + (char) c + "{\" at line " + start.line() + " column " + start.column() + ", found " + close.describe());
        }
        read();
        popNewlines();
        leave();
        item.pos = start;
        item.stripBefore = stripBefore;
        item.stripAfter = close.type() == TokenType.STRIP_END;
        items.add(item);
        return true;
    }

    private Directive parseDirective(Pos start) {
        Token kw = peek();
        String word = kw.type() == TokenType.IDENT ? kw.text() : "";
        switch (word) {
            case "if" -> {
                read();
                return new Directive(DirectiveKind.IF, parseExpression(), null, null);
            }
            case "else", "endif", "endfor" -> {
                read();
                return new Directive(DirectiveKind.valueOf(word.toUpperCase()), null, null, null);
            }
            case "for" -> {
                read();
                ForHeader header = forHeader("Invalid template directive");
                return new Directive(DirectiveKind.FOR, header.collection(), header.keyVar(), header.valVar());
            }
            default -> throw new SyntaxError(kw.start(), "Invalid template directive: expected if, else, endif, for or"
                    + " endfor after \"%{\" (write %%{ for a literal %{), found " + kw.describe());
        }
    }

    private void readEscape(StringBuilder text) {
        Pos at = lx.pos();
        lx.advance(); // backslash
        int c = lx.peekChar(0);
        switch (c) {
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case '"' -> text.append('"');
            case '\\' -> text.append('\\');
            case 'u', 'U' -> {
                lx.advance();
                int digits = c == 'u' ? 4 : 8;
                int cp = 0;
                for (int i = 0; i < digits; i++) {
                    int d = Character.digit(lx.peekChar(0), 16);
                    if (d < 0) {
                        throw new SyntaxError(at, "Invalid escape sequence: \\" + (char) c + " must be followed by "
                                + digits + " hexadecimal digits");
                    }
                    cp = cp * 16 + d;
                    lx.advance();
                }
                if (!Character.isValidCodePoint(cp)) {
                    throw new SyntaxError(at, "Invalid escape sequence: U+" + Integer.toHexString(cp) + " is not a Unicode character");
                }
                text.appendCodePoint(cp);
                return;
            }
            default -> throw new SyntaxError(at, "Invalid escape sequence: the valid escapes are \\n \\r \\t \\\" \\\\"
                    + " \\uNNNN and \\UNNNNNNNN");
        }
        lx.advance();
    }

    private static Range span(Range a, Range b) {
        return new Range(a.start(), b.end());
    }

}
