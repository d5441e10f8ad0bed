package dev.tollgate.policy.secrets;

/**
 * One {@code key = value} / {@code key: value} / {@code "key": "value"} / {@code ENV KEY=value} on a line,
 * read in a single pass without regular expressions.
 *
 * @param valueColumn 1-based column of the value's first character (inside the quotes when quoted)
 */
record Assignment(String key, String value, boolean quoted, int valueColumn) {

    static Assignment parse(String line) {
        int n = line.length();
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '{'
                || line.charAt(i) == ',')) {
            i++; // JSON objects on one line: { "key": "value" }
        }
        i = skipWord(line, i, "export ");
        i = skipWord(line, i, "ENV ");
        i = skipWord(line, i, "ARG ");
        if (i < n && line.charAt(i) == '-' && i + 1 < n && line.charAt(i + 1) == ' ') {
            i = skipBlanks(line, i + 1); // YAML list item "- key: value"
        }
        if (i >= n) {
            return null;
        }
        String key;
        char first = line.charAt(i);
        if (first == '"' || first == '\'') {
            int close = line.indexOf(first, i + 1);
            if (close < 0) {
                return null;
            }
            key = line.substring(i + 1, close);
            i = close + 1;
        } else {
            int start = i;
            while (i < n && isKeyChar(line.charAt(i))) {
                i++;
            }
            key = line.substring(start, i);
        }
        if (key.isEmpty()) {
            return null;
        }
        i = skipBlanks(line, i);
        if (i < n && line.charAt(i) == '=' && i + 1 < n && line.charAt(i + 1) == '>') {
            i += 2;
        } else if (i < n && (line.charAt(i) == '=' || line.charAt(i) == ':')) {
            if (line.charAt(i) == '=' && i + 1 < n && line.charAt(i + 1) == '=') {
                return null; // a comparison, not an assignment
            }
            i++;
        } else {
            return null;
        }
        i = skipBlanks(line, i);
        if (i >= n) {
            return null;
        }
        char open = line.charAt(i);
        if (open == '"' || open == '\'') {
            int close = closingQuote(line, i + 1, open);
            if (close < 0) {
                return null;
            }
            return new Assignment(key, line.substring(i + 1, close), true, i + 2);
        }
        int start = i;
        while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != ',') {
            i++;
        }
        return new Assignment(key, line.substring(start, i), false, start + 1);
    }

    private static int closingQuote(String line, int from, char quote) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static int skipBlanks(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipWord(String line, int i, String word) {
        return line.startsWith(word, i) ? skipBlanks(line, i + word.length()) : i;
    }
}
