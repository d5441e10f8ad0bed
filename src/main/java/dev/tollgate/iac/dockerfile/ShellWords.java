package dev.tollgate.iac.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Word splitting, quote removal and variable substitution as BuildKit applies them to the arguments of ADD,
 * COPY, ENV, EXPOSE, FROM, LABEL, USER, VOLUME, WORKDIR and ARG: {@code $NAME}, {@code ${NAME}},
 * {@code ${NAME:-word}}, {@code ${NAME:+word}}; single quotes are literal; the escape character escapes the next
 * character. A variable whose value is not known (a build argument without default, an ENV of the base image)
 * makes the word {@linkplain Word#unknown() unknown}. Lenient: an unterminated quote runs to the end.
 */
final class ShellWords {

    /** Expanded values longer than this are treated as unknown (ENV A=$A$A doubling cannot blow up memory). */
    static final int MAX_VALUE_CHARS = 64 * 1024;

    /**
     * @param text      the word after quote removal and substitution (meaningless when unknown)
     * @param unknown   some variable in it has no known value
     * @param reference it refers to a variable at all ({@code $X}, {@code ${X}})
     */
    record Word(String text, boolean unknown, boolean reference) {
    }

    private final char escape;
    /** Variable name to value; null for a variable whose value is not known. */
    private final Function<String, String> env;

    ShellWords(char escape, Function<String, String> env) {
        this.escape = escape;
        this.env = env;
    }

    List<Word> split(String text) {
        List<Word> words = new ArrayList<>();
        Builder word = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.build());
                    word = null;
                }
                i++;
                continue;
            }
            if (word == null) {
                word = new Builder();
            }
            i = readPart(text, i, word, true);
        }
        if (word != null) {
            words.add(word.build());
        }
        return words;
    }

    /** The whole text as one word: quotes removed and variables substituted, whitespace kept. */
    Word whole(String text) {
        Builder word = new Builder();
        int i = 0;
        while (i < text.length()) {
            i = readPart(text, i, word, false);
        }
        return word.build();
    }

    /** Reads one quoted section, escape, variable or plain character at {@code i}; returns the next index. */
    private int readPart(String text, int i, Builder word, boolean splitting) {
        char c = text.charAt(i);
        if (c == '\'') {
            int end = text.indexOf('\'', i + 1);
            end = end < 0 ? text.length() : end;
            word.append(text.substring(i + 1, end));
            return Math.min(end + 1, text.length());
        }
        if (c == '"') {
            int j = i + 1;
            while (j < text.length() && text.charAt(j) != '"') {
                char d = text.charAt(j);
                if (d == escape && j + 1 < text.length()
                        && (text.charAt(j + 1) == '"' || text.charAt(j + 1) == escape || text.charAt(j + 1) == '$')) {
                    word.append(String.valueOf(text.charAt(j + 1)));
                    j += 2;
                } else if (d == '$') {
                    j = substitute(text, j, word);
                } else {
                    word.append(String.valueOf(d));
                    j++;
                }
            }
            return Math.min(j + 1, text.length());
        }
        if (c == escape) {
            if (i + 1 < text.length()) {
                word.append(String.valueOf(text.charAt(i + 1)));
                return i + 2;
            }
            return i + 1;
        }
        if (c == '$') {
            return substitute(text, i, word);
        }
        if (!splitting || !Character.isWhitespace(c)) {
            word.append(String.valueOf(c));
        }
        return i + 1;
    }

    /** Substitutes the variable at {@code text[i] == '$'}; a lone {@code $} is literal. */
    private int substitute(String text, int i, Builder word) {
        if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
            int depth = 1;
            int j = i + 2;
            while (j < text.length() && depth > 0) {
                char d = text.charAt(j);
                if (d == '{') {
                    depth++;
                } else if (d == '}') {
                    depth--;
                }
                j++;
            }
            if (depth > 0) { // unterminated: literal
                word.append(text.substring(i));
                return text.length();
            }
            word.reference = true;
            String inner = text.substring(i + 2, j - 1);
            int n = 0;
            while (n < inner.length() && (Character.isLetterOrDigit(inner.charAt(n)) || inner.charAt(n) == '_')) {
                n++;
            }
            String name = inner.substring(0, n);
            String rest = inner.substring(n);
            String value = name.isEmpty() ? null : env.apply(name);
            if (rest.isEmpty()) {
                word.appendValue(value);
            } else if (rest.startsWith(":-") || rest.startsWith(":+")) {
                Word alternative = whole(rest.substring(2));
                if (value == null) {
                    word.appendValue(null);
                } else if (rest.charAt(1) == '-') {
                    word.appendValue(value.isEmpty() ? (alternative.unknown() ? null : alternative.text()) : value);
                } else {
                    word.appendValue(value.isEmpty() ? "" : (alternative.unknown() ? null : alternative.text()));
                }
            } else {
                word.appendValue(null); // other modifiers (${x#pattern} ...): not evaluated
            }
            return j;
        }
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        if (j == i + 1) {
            word.append("$");
            return j;
        }
        word.reference = true;
        word.appendValue(env.apply(text.substring(i + 1, j)));
        return j;
    }

    private static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private boolean unknown;
        private boolean reference;

        void append(String s) {
            if (text.length() + s.length() > MAX_VALUE_CHARS) {
                unknown = true;
                return;
            }
            text.append(s);
        }

        void appendValue(String value) {
            if (value == null) {
                unknown = true;
            } else {
                append(value);
            }
        }

        Word build() {
            return new Word(text.toString(), unknown, reference);
        }
    }
}
