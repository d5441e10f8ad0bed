package dev.tollgate.exception;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One suppression comment found in a file: a Tollgate exception, or another scanner's suppression
 * (which Tollgate recognises but never accepts, since it has neither owner nor expiry).
 *
 * @param source   what wrote it
 * @param ruleIds  the ids it names (Tollgate rule ids, or the other scanner's ids); empty for kics
 * @param fields   {@code owner}, {@code expires}, {@code reason} and any other {@code key=value} given
 * @param problems syntax problems found while reading it (unterminated quote, unquoted text ...)
 * @param line     1-based line of the comment
 * @param text     the annotation as written, for messages (bounded)
 */
record Annotation(Source source, List<String> ruleIds, Map<String, String> fields, List<String> problems, int line,
                  String text) {

    enum Source {
        TOLLGATE("tollgate:exception"), CHECKOV("checkov:skip="), TRIVY("trivy:ignore:"), TFSEC("tfsec:ignore:"),
        KICS("kics-scan ignore");

        final String marker;

        Source(String marker) {
            this.marker = marker;
        }
    }

    /** Lines longer than this are not read for annotations (no legitimate comment is that long). */
    static final int MAX_LINE = 4096;

    /** The annotations in the comment part of one line (usually none, at most one of each kind). */
    static List<Annotation> parse(String line, int lineNo, CommentSyntax syntax) {
        if (line.length() > MAX_LINE) {
            return List.of();
        }
        int commentStart = syntax.commentStart(line);
        if (commentStart < 0) {
            return List.of();
        }
        String comment = line.substring(commentStart);
        List<Annotation> found = new ArrayList<>();
        for (Source source : Source.values()) {
            int at = comment.indexOf(source.marker);
            if (at < 0) {
                continue;
            }
            String rest = stripCommentEnd(comment.substring(at + source.marker.length()));
            Annotation annotation = switch (source) {
                case TOLLGATE -> rest.isEmpty() || Character.isWhitespace(rest.charAt(0))
                        ? parseTollgate(rest, lineNo) : null;
                case KICS -> new Annotation(source, List.of(), Map.of(), List.of(), lineNo,
                        bounded(comment.substring(at).trim()));
                default -> parseForeign(source, rest, lineNo);
            };
            if (annotation != null) {
                found.add(annotation);
            }
        }
        return found;
    }

    static Annotation parseTollgate(String rest, int lineNo) {
        List<String> ids = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int i = 0;
        int n = rest.length();
        String lastKey = null;
        while (i < n) {
            while (i < n && Character.isWhitespace(rest.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(rest.charAt(i)) && rest.charAt(i) != '=') {
                i++;
            }
            if (i < n && rest.charAt(i) == '=') {
                String key = rest.substring(start, i).toLowerCase(Locale.ROOT);
                i++;
                StringBuilder value = new StringBuilder();
                if (i < n && (rest.charAt(i) == '"' || rest.charAt(i) == '\'')) {
                    char quote = rest.charAt(i++);
                    boolean closed = false;
                    while (i < n) {
                        char c = rest.charAt(i++);
                        if (c == '\\' && i < n) {
                            value.append(rest.charAt(i++));
                        } else if (c == quote) {
                            closed = true;
                            break;
                        } else {
                            value.append(c);
                        }
                    }
                    if (!closed) {
                        problems.add(key + " is missing its closing quote");
                    }
                } else {
                    while (i < n && !Character.isWhitespace(rest.charAt(i))) {
                        value.append(rest.charAt(i++));
                    }
                }
                fields.putIfAbsent(key, value.toString());
                lastKey = key;
            } else {
                String word = rest.substring(start, i);
                if (lastKey == null) {
                    for (String id : word.split(",")) {
                        if (!id.isBlank()) {
                            ids.add(id.trim());
                        }
                    }
                } else {
                    StringBuilder stray = new StringBuilder(word);
                    int next = skipBlanks(rest, i);
                    int wordEnd = next;
                    while (wordEnd < n && !Character.isWhitespace(rest.charAt(wordEnd)) && rest.charAt(wordEnd) != '=') {
                        wordEnd++;
                    }
                    while (next < n && (wordEnd >= n || rest.charAt(wordEnd) != '=')) {
                        stray.append(' ').append(rest, next, wordEnd);
                        i = wordEnd;
                        next = skipBlanks(rest, i);
                        wordEnd = next;
                        while (wordEnd < n && !Character.isWhitespace(rest.charAt(wordEnd)) && rest.charAt(wordEnd) != '=') {
                            wordEnd++;
                        }
                    }
                    problems.add("unexpected text \"" + bounded(stray.toString()) + "\" after " + lastKey
                            + "=; quote values that contain spaces, e.g. " + lastKey + "=\"...\"");
                }
            }
        }
        return new Annotation(Source.TOLLGATE, List.copyOf(ids), fields, problems, lineNo,
                bounded(Source.TOLLGATE.marker + rest));
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Annotation parseForeign(Source source, String rest, int lineNo) {
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end)) && rest.charAt(end) != ':'
                && rest.charAt(end) != '[') {
            end++;
        }
        List<String> ids = new ArrayList<>();
        for (String id : rest.substring(0, end).split(",")) {
            if (!id.isBlank()) {
                ids.add(id.trim());
            }
        }
        if (ids.isEmpty()) {
            return null;
        }
        return new Annotation(source, List.copyOf(ids), Map.of(), List.of(), lineNo,
                bounded(source.marker + rest.substring(0, end)));
    }

    private static String stripCommentEnd(String text) {
        String t = text.stripTrailing();
        if (t.endsWith("*/")) {
            t = t.substring(0, t.length() - 2);
        }
        return t.stripTrailing();
    }

    private static String bounded(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
