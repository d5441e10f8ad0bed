package dev.tollgate.plan;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The lines of one file's unified diff (GitHub's per-file {@code patch}, GitLab's {@code diff}) that a review
 * comment may target on the new (RIGHT) side: added and context lines of the hunks.
 *
 * <p>Hostile input is bounded: patches beyond {@link #MAX_PATCH_CHARS} are read up to that point, line numbers
 * beyond {@link #MAX_LINE_NUMBER} are ignored, and anything that is not a hunk line is skipped. A missing
 * patch (binary or too large for the forge to show) has no commentable lines.
 */
public final class DiffPatch {

    static final int MAX_PATCH_CHARS = 5_000_000;
    static final int MAX_LINE_NUMBER = 10_000_000;
    /** No forge shows a diff this long; beyond it the rest of the file is treated as outside the diff. */
    static final int MAX_RECORDED_LINES = 100_000;

    private final NavigableSet<Integer> commentable;
    private final NavigableSet<Integer> added;

    private DiffPatch(NavigableSet<Integer> commentable, NavigableSet<Integer> added) {
        this.commentable = Collections.unmodifiableNavigableSet(commentable);
        this.added = Collections.unmodifiableNavigableSet(added);
    }

    public static DiffPatch parse(String patch) {
        NavigableSet<Integer> commentable = new TreeSet<>();
        NavigableSet<Integer> added = new TreeSet<>();
        if (patch == null || patch.isEmpty()) {
            return new DiffPatch(commentable, added);
        }
        int length = Math.min(patch.length(), MAX_PATCH_CHARS);
        int oldRemaining = 0;
        int newRemaining = 0;
        int newLine = 0;
        int pos = 0;
        while (pos < length) {
            int end = patch.indexOf('\n', pos);
            if (end < 0 || end > length) {
                end = length;
            }
            String line = patch.substring(pos, end);
            pos = end + 1;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.startsWith("@@")) {
                int[] header = parseHunkHeader(line);
                if (header == null) {
                    oldRemaining = 0;
                    newRemaining = 0;
                    continue;
                }
                oldRemaining = header[1];
                newLine = header[2];
                newRemaining = header[3];
                continue;
            }
            if (oldRemaining <= 0 && newRemaining <= 0) {
                continue; // outside any hunk: file headers, trailing junk
            }
            char kind = line.isEmpty() ? ' ' : line.charAt(0); // some tools strip the blank of empty context lines
            switch (kind) {
                case '+' -> {
                    if (newRemaining > 0) {
                        record(newLine, commentable, added);
                        newLine++;
                        newRemaining--;
                    }
                }
                case '-' -> oldRemaining--;
                case ' ' -> {
                    if (newRemaining > 0) {
                        record(newLine, commentable, null);
                        newLine++;
                        newRemaining--;
                    }
                    oldRemaining--;
                }
                case '\\' -> {
                    // "\ No newline at end of file": belongs to the previous line, counts for nothing
                }
                default -> {
                    oldRemaining = 0; // not a hunk line: the hunk is malformed, stop trusting its counts
                    newRemaining = 0;
                }
            }
        }
        return new DiffPatch(commentable, added);
    }

    private static void record(int line, NavigableSet<Integer> commentable, NavigableSet<Integer> added) {
        if (line >= 1 && line <= MAX_LINE_NUMBER && commentable.size() < MAX_RECORDED_LINES) {
            commentable.add(line);
            if (added != null) {
                added.add(line);
            }
        }
    }

    /** {@code @@ -a[,b] +c[,d] @@ ...} as {a, b, c, d}; null when malformed. */
    static int[] parseHunkHeader(String line) {
        int minus = line.indexOf(" -");
        int plus = line.indexOf(" +", Math.max(minus, 0));
        if (minus < 0 || plus < 0) {
            return null;
        }
        int[] old = parseRange(line, minus + 2);
        int[] neu = parseRange(line, plus + 2);
        if (old == null || neu == null) {
            return null;
        }
        return new int[] {old[0], old[1], neu[0], neu[1]};
    }

    private static int[] parseRange(String line, int at) {
        long start = 0;
        int i = at;
        int digits = 0;
        while (i < line.length() && Character.isDigit(line.charAt(i)) && digits < 9) {
            start = start * 10 + (line.charAt(i++) - '0');
            digits++;
        }
        if (digits == 0 || (i < line.length() && Character.isDigit(line.charAt(i)))) {
            return null;
        }
        long count = 1;
        if (i < line.length() && line.charAt(i) == ',') {
            i++;
            count = 0;
            digits = 0;
            while (i < line.length() && Character.isDigit(line.charAt(i)) && digits < 9) {
                count = count * 10 + (line.charAt(i++) - '0');
                digits++;
            }
            if (digits == 0 || (i < line.length() && Character.isDigit(line.charAt(i)))) {
                return null;
            }
        }
        return new int[] {(int) start, (int) count};
    }

    /** Lines of the new file a review comment may target (added and context lines). */
    public NavigableSet<Integer> commentableLines() {
        return commentable;
    }

    /** Lines of the new file this change added. */
    public NavigableSet<Integer> addedLines() {
        return added;
    }
}
