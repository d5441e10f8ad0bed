package dev.tollgate.iac.dockerfile;

import java.util.List;

/**
 * One Dockerfile instruction as written: continuation lines joined (escape char and newline removed, comment
 * lines inside dropped), heredoc bodies read.
 *
 * @param keyword  upper case: {@code FROM}, {@code RUN} ...
 * @param value    everything after the keyword on the joined line, trimmed
 * @param line     first physical line (1-based)
 * @param endLine  last physical line, including heredoc bodies
 * @param heredocs here-documents opened on this instruction, in order
 */
record Instruction(String keyword, String value, int line, int endLine, List<Heredoc> heredocs) {

    /** A here-document: {@code <<EOF} (or {@code <<-EOF}, quoted delimiters) and the lines up to its delimiter. */
    record Heredoc(String delimiter, String body, int line, boolean stripTabs) {
    }
}
