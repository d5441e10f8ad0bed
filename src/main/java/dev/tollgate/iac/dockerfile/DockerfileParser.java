package dev.tollgate.iac.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Dockerfile into instructions, following BuildKit's frontend: parser directives on the first lines
 * ({@code # syntax=}, {@code # escape=}, {@code # check=}), comment lines, continuation lines ended by the escape
 * character, and here-documents on RUN, COPY and ADD.
 *
 * <p>Hand-written on purpose: the format is line based and small, the Java libraries that exist are either
 * Docker clients (they parse nothing, or pull in HTTP stacks) or do not report the physical lines we point
 * findings at; and a hand-written loop lets every bound (file size, lines per instruction, heredoc length) be
 * explicit. Lenient where BuildKit is (an unterminated quote is the rest of the line), strict where the file
 * cannot be understood (an unterminated heredoc, a continuation to the end of the file).
 */
final class DockerfileParser {

    static final int MAX_CHARS = 1_000_000;
    static final int MAX_INSTRUCTION_LINES = 5_000;
    static final int MAX_INSTRUCTION_CHARS = 256 * 1024;
    static final int MAX_INSTRUCTIONS = 20_000;

    static final Set<String> KEYWORDS = Set.of("FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD",
            "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");
    private static final Set<String> HEREDOC_KEYWORDS = Set.of("RUN", "COPY", "ADD");
    private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*([A-Za-z]{1,20})\\s*=\\s*(\\S{0,200})\\s*$");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z]{1,20}");

    /** A problem at a line; the parse goes on after it where it can. */
    record Problem(int line, int column, String message) {
    }

    record Result(List<Instruction> instructions, List<Problem> problems, char escape) {
    }

    Result parse(String text) {
        List<Problem> problems = new ArrayList<>();
        List<Instruction> instructions = new ArrayList<>();
        if (text.length() > MAX_CHARS) {
            problems.add(new Problem(1, 1, "file is larger than " + MAX_CHARS + " characters; not scanned"));
            return new Result(instructions, problems, '\\');
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("\r")) {
                lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
        }
        char escape = '\\';
        int i = 0;
        Set<String> seen = new java.util.HashSet<>();
        for (; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (!m.matches()) {
                break;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (!DIRECTIVES.contains(name) || !seen.add(name)) {
                break; // an unknown or repeated directive is a comment and ends the directives
            }
            if (name.equals("escape")) {
                String value = m.group(2);
                if (value.equals("`") || value.equals("\\")) {
                    escape = value.charAt(0);
                } else {
                    problems.add(new Problem(i + 1, 1, "invalid escape directive '" + value
                            + "': must be ` or \\"));
                }
            }
        }
        while (i < lines.length) {
            String trimmed = lines[i].strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                i++;
                continue;
            }
            if (instructions.size() >= MAX_INSTRUCTIONS) {
                problems.add(new Problem(i + 1, 1, "more than " + MAX_INSTRUCTIONS
                        + " instructions; the rest of the file is not read"));
                break;
            }
            int start = i;
            StringBuilder logical = new StringBuilder();
            String current = lines[i].stripLeading();
            boolean broken = false;
            while (true) {
                int cut = continuationCut(current, escape);
                if (cut < 0) {
                    logical.append(current);
                    break;
                }
                logical.append(current, 0, cut);
                i++;
                while (i < lines.length && isSkippedInContinuation(lines[i])) {
                    i++;
                }
                if (i >= lines.length) {
                    problems.add(new Problem(start + 1, 1, "the instruction continues (" + escape
                            + " at the end of a line) to the end of the file"));
                    i = lines.length - 1;
                    break;
                }
                if (i - start >= MAX_INSTRUCTION_LINES || logical.length() > MAX_INSTRUCTION_CHARS) {
                    problems.add(new Problem(start + 1, 1, "instruction longer than " + MAX_INSTRUCTION_LINES
                            + " lines or " + MAX_INSTRUCTION_CHARS + " characters; skipped"));
                    while (i < lines.length && continuationCut(lines[i], escape) >= 0) {
                        i++;
                    }
                    broken = true;
                    break;
                }
                current = lines[i];
            }
            int lastLine = Math.min(i, lines.length - 1);
            i = lastLine + 1;
            if (broken) {
                continue;
            }
            String whole = logical.toString();
            int space = indexOfWhitespace(whole);
            String keyword = space < 0 ? whole : whole.substring(0, space);
            String value = space < 0 ? "" : whole.substring(space).strip();
            if (!KEYWORD.matcher(keyword).matches() || !KEYWORDS.contains(keyword.toUpperCase(Locale.ROOT))) {
                problems.add(new Problem(start + 1, 1, "unknown instruction '" + abbreviate(keyword) + "'"));
                continue;
            }
            keyword = keyword.toUpperCase(Locale.ROOT);
            List<Instruction.Heredoc> heredocs = new ArrayList<>();
            if (HEREDOC_KEYWORDS.contains(keyword)) {
                for (Marker marker : heredocMarkers(value)) {
                    int opened = i;
                    StringBuilder body = new StringBuilder();
                    boolean closed = false;
                    while (i < lines.length) {
                        String line = marker.stripTabs ? lines[i].replaceFirst("^\t+", "") : lines[i];
                        i++;
                        if (line.equals(marker.delimiter)) {
                            closed = true;
                            break;
                        }
                        body.append(line).append('\n');
                    }
                    if (!closed) {
                        problems.add(new Problem(start + 1, 1, "heredoc <<" + marker.delimiter
                                + " is never closed (no line '" + marker.delimiter + "' after line " + opened + ")"));
                        heredocs.clear();
                        break;
                    }
                    heredocs.add(new Instruction.Heredoc(marker.delimiter, body.toString(), opened + 1,
                            marker.stripTabs));
                    lastLine = i - 1;
                }
                if (!heredocs.isEmpty() || heredocMarkers(value).isEmpty()) {
                    instructions.add(new Instruction(keyword, value, start + 1, lastLine + 1, List.copyOf(heredocs)));
                }
                continue;
            }
            instructions.add(new Instruction(keyword, value, start + 1, lastLine + 1, List.of()));
        }
        return new Result(List.copyOf(instructions), List.copyOf(problems), escape);
    }

    /** Where the line's text ends when it ends with the escape character (trailing blanks allowed), else -1. */
    private static int continuationCut(String line, char escape) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return end > 0 && line.charAt(end - 1) == escape ? end - 1 : -1;
    }

    /** Inside a continued instruction, comment lines and empty lines are dropped (BuildKit warns on the latter). */
    private static boolean isSkippedInContinuation(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() || trimmed.startsWith("#");
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private record Marker(String delimiter, boolean stripTabs) {
    }

    /** {@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"}, {@code <<'EOF'} outside quotes; not {@code <<<}. */
    static List<Marker> heredocMarkers(String value) {
        List<Marker> markers = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                continue;
            }
            if (c != '<' || i + 1 >= value.length() || value.charAt(i + 1) != '<') {
                continue;
            }
            if ((i > 0 && value.charAt(i - 1) == '<') || (i + 2 < value.length() && value.charAt(i + 2) == '<')) {
                i += 2;
                continue;
            }
            int j = i + 2;
            boolean strip = j < value.length() && value.charAt(j) == '-';
            if (strip) {
                j++;
            }
            char q = j < value.length() && (value.charAt(j) == '"' || value.charAt(j) == '\'') ? value.charAt(j) : 0;
            if (q != 0) {
                j++;
            }
            int nameStart = j;
            while (j < value.length() && (Character.isLetterOrDigit(value.charAt(j)) || value.charAt(j) == '_'
                    || value.charAt(j) == '-' || value.charAt(j) == '.')) {
                j++;
            }
            if (j == nameStart || (q != 0 && (j >= value.length() || value.charAt(j) != q))) {
                continue;
            }
            markers.add(new Marker(value.substring(nameStart, j), strip));
            i = q != 0 ? j : j - 1;
        }
        return markers;
    }
}
