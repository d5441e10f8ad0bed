package dev.tollgate.iac.hcl;

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
        throw new UnsupportedOperationException("HCL parser not written yet");
    }
}
