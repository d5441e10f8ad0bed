package dev.tollgate.forge.github.fake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A small LCS line diff that writes GitHub-style patches (hunks only, 3 lines of context), for the fake. */
public final class LineDiff {

    private static final int CONTEXT = 3;
    private static final int MAX_CELLS = 16_000_000;

    private LineDiff() {
    }

    /** The {@code patch} GitHub shows for a file going from {@code before} to {@code after} (either may be null). */
    public static String patch(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        if ((long) (a.length + 1) * (b.length + 1) > MAX_CELLS) {
            throw new IllegalArgumentException("file too large for the test diff");
        }
        List<Op> ops = editScript(a, b);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend while the next change is within 2*CONTEXT unchanged lines
            int j = i;
            while (j < ops.size()) {
                if (ops.get(j).kind != ' ') {
                    end = j;
                    j++;
                } else {
                    int k = j;
                    while (k < ops.size() && ops.get(k).kind == ' ') {
                        k++;
                    }
                    if (k < ops.size() && k - j <= 2 * CONTEXT) {
                        j = k;
                    } else {
                        break;
                    }
                }
            }
            int stop = Math.min(ops.size(), end + CONTEXT + 1);
            appendHunk(out, ops.subList(start, stop));
            i = stop;
        }
        if (out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** New-side lines that a review comment with {@code side: RIGHT} may point at. */
    public static Set<Integer> commentableRightLines(String patch) {
        Set<Integer> lines = new LinkedHashSet<>();
        if (patch == null) {
            return lines;
        }
        int newLine = 0;
        for (String line : patch.split("\n", -1)) {
            if (line.startsWith("@@")) {
                String plus = line.substring(line.indexOf('+') + 1, line.indexOf(" @@", 2));
                newLine = Integer.parseInt(plus.split(",")[0]);
            } else if (line.startsWith("+") || line.startsWith(" ")) {
                lines.add(newLine++);
            }
        }
        return lines;
    }

    public static int count(String patch, char kind) {
        if (patch == null) {
            return 0;
        }
        return (int) Arrays.stream(patch.split("\n")).filter(l -> !l.startsWith("@@") && !l.isEmpty() && l.charAt(0) == kind).count();
    }

    private static void appendHunk(StringBuilder out, List<Op> hunk) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        for (Op op : hunk) {
            if (op.kind != '+') {
                if (oldStart < 0) {
                    oldStart = op.oldLine;
                }
                oldCount++;
            }
            if (op.kind != '-') {
                if (newStart < 0) {
                    newStart = op.newLine;
                }
                newCount++;
            }
        }
        Op first = hunk.get(0);
        if (oldStart < 0) {
            oldStart = first.oldLine - 1;
        }
        if (newStart < 0) {
            newStart = first.newLine - 1;
        }
        out.append("@@ -").append(oldStart).append(',').append(oldCount)
                .append(" +").append(newStart).append(',').append(newCount).append(" @@\n");
        for (Op op : hunk) {
            out.append(op.kind).append(op.text).append('\n');
        }
    }

    /** oldLine/newLine: 1-based line numbers the op would have on each side (next line for absent sides). */
    private record Op(char kind, String text, int oldLine, int newLine) {
    }

    private static List<Op> editScript(String[] a, String[] b) {
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                ops.add(new Op(' ', a[i], i + 1, j + 1));
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new Op('-', a[i], i + 1, j + 1)); // deletions first, as git prints them
                i++;
            } else {
                ops.add(new Op('+', b[j], i + 1, j + 1));
                j++;
            }
        }
        return ops;
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.split("\n", -1);
    }
}
