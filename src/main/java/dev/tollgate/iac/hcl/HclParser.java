package dev.tollgate.iac.hcl;

import java.util.List;

/**
 * Parses HCL2 native syntax ({@code .tf}, {@code .tfvars}) into an {@link HclFile}. Never throws on bad
 * input: errors are returned with their positions and the parser recovers at the next top-level item.
 * Bounded: files over {@link #MAX_FILE_CHARS} are refused with one error; nesting deeper than
 * {@link #MAX_DEPTH} is an error at the position where the limit is crossed.
 */
public final class HclParser {
    public static final int MAX_FILE_CHARS = 4 * 1024 * 1024;
    public static final int MAX_DEPTH = 200;

    public HclFile parse(String path, String text) {
        if (text.length() > MAX_FILE_CHARS) {
            Pos start = new Pos(1, 1, 0);
            return new HclFile(path, new Body(List.of(), List.of(), new Range(start, start)),
                    List.of(new HclError(start, "File too large: " + text.length() + " characters; the limit for a"
                            + " Terraform file is " + MAX_FILE_CHARS)));
        }
        try {
            return new Parser(text).parseFile(path);
        } catch (StackOverflowError e) {
            // MAX_DEPTH fits a 512 KiB stack; this only guards threads created with a smaller one.
            Pos start = new Pos(1, 1, 0);
            return new HclFile(path, new Body(List.of(), List.of(), new Range(start, start)),
                    List.of(new HclError(start, "Nesting too deep for this thread's stack; the file was not read")));
        }
    }
}
