package dev.tollgate.exception;

import java.util.Locale;

/**
 * Where comments start on a line, per file format: HCL knows {@code #}, {@code //} and {@code /* *}{@code /};
 * YAML and Dockerfiles only {@code #} at the line start or after a blank. Quoted strings are skipped, so
 * {@code description = "# tollgate:exception ..."} is not an annotation.
 */
enum CommentSyntax {
    HCL, HASH;

    static CommentSyntax forPath(String path) {
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return p.endsWith(".tf") || p.endsWith(".hcl") || p.endsWith(".tfvars") ? HCL : HASH;
    }

    /** Index of the first character of the comment on this line, or -1 when the line has none. */
    int commentStart(String line) {
        String trimmed = line.stripLeading();
        int indent = line.length() - trimmed.length();
        if (this == HCL && trimmed.startsWith("*")) {
            return indent; // continuation of a /* ... */ block
        }
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || (this == HASH && c == '\'')) {
                quote = c;
            } else if (c == '#' && (this == HCL || i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            } else if (this == HCL && c == '/' && i + 1 < line.length()
                    && (line.charAt(i + 1) == '/' || line.charAt(i + 1) == '*')) {
                return i;
            }
        }
        return -1;
    }

    /** True when the whole line is a comment (or the end of a block comment). */
    boolean isCommentLine(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return false;
        }
        return commentStart(line) == line.length() - line.stripLeading().length()
                || (this == HCL && trimmed.endsWith("*/"));
    }
}
