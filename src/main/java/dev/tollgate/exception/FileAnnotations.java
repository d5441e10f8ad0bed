package dev.tollgate.exception;

import dev.tollgate.policy.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annotations of one file, read lazily line by line (each line at most once) and only where a finding
 * looks: the comment block above the resource, the resource's own lines, the finding's lines, and the file's
 * leading comment block (for {@code kics-scan ignore}, which covers a whole file).
 *
 * <p>The block above a resource is every comment line directly above it; blank lines between the comments
 * and the resource are allowed, and the first line of code ends the block. So an annotation written between
 * two resources belongs to the one below it.
 */
final class FileAnnotations {

    /** How far above a resource the comment block may reach. */
    static final int MAX_BLOCK_ABOVE = 30;
    /** A resource longer than this is only searched at its first lines and around the finding. */
    static final int MAX_RANGE = 2000;

    private final String[] lines;
    private final CommentSyntax syntax;
    private final Map<Integer, List<Annotation>> byLine = new HashMap<>();

    FileAnnotations(String path, String text) {
        this.lines = text == null ? new String[0] : text.split("\n", -1);
        this.syntax = CommentSyntax.forPath(path);
    }

    /** The annotations that may concern this finding, in line order, each once. */
    List<Annotation> near(Finding finding) {
        Set<Integer> candidates = new LinkedHashSet<>();
        int resourceStart = finding.resourceStartLine() > 0 ? finding.resourceStartLine() : finding.startLine();
        int resourceEnd = Math.max(finding.resourceEndLine(), resourceStart);
        addBlockAbove(resourceStart, candidates);
        addRange(resourceStart, Math.min(resourceEnd, resourceStart + MAX_RANGE), candidates);
        addBlockAbove(finding.startLine(), candidates);
        addRange(finding.startLine(), Math.max(finding.startLine(), Math.min(finding.endLine(),
                finding.startLine() + MAX_RANGE)), candidates);
        List<Annotation> found = new ArrayList<>();
        candidates.stream().sorted().forEach(line -> found.addAll(at(line)));
        for (Annotation annotation : header()) {
            if (annotation.source() == Annotation.Source.KICS && annotation.text().trim().equals("kics-scan ignore")
                    && found.stream().noneMatch(a -> a.line() == annotation.line())) {
                found.add(annotation);
            }
        }
        return found;
    }

    private List<Annotation> header() {
        List<Annotation> found = new ArrayList<>();
        for (int line = 1; line <= Math.min(lines.length, MAX_BLOCK_ABOVE); line++) {
            String text = lines[line - 1];
            if (text.isBlank()) {
                continue;
            }
            if (!syntax.isCommentLine(text)) {
                break;
            }
            found.addAll(at(line));
        }
        return found;
    }

    private void addBlockAbove(int firstLine, Set<Integer> candidates) {
        for (int line = firstLine - 1; line >= 1 && line >= firstLine - MAX_BLOCK_ABOVE; line--) {
            String text = lines[line - 1];
            if (text.isBlank()) {
                continue;
            }
            if (!syntax.isCommentLine(text)) {
                return;
            }
            candidates.add(line);
        }
    }

    private void addRange(int from, int to, Set<Integer> candidates) {
        for (int line = Math.max(1, from); line <= Math.min(to, lines.length); line++) {
            candidates.add(line);
        }
    }

    private List<Annotation> at(int line) {
        if (line < 1 || line > lines.length) {
            return List.of();
        }
        return byLine.computeIfAbsent(line, l -> {
            String text = lines[l - 1];
            return text.indexOf(':') < 0 && !text.contains("kics-scan") ? List.of() : Annotation.parse(text, l, syntax);
        });
    }
}
