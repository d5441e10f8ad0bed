package dev.tollgate.iac.terraform;

/** Bounds that keep the evaluation of hostile modules small. */
final class Limits {
    static final int MAX_STRING = 1_000_000;
    static final int MAX_COLLECTION = 100_000;
    static final int MAX_RANGE = 10_000;
    static final int MAX_DEPTH = 250;
    static final int MAX_INSTANCES_PER_MODULE = 10_000;
    static final long MAX_STEPS_PER_MODULE = 5_000_000;
    static final int MAX_REGEX_INPUT = 100_000;
    static final int MAX_REGEX_PATTERN = 2_000;
    static final long MAX_REGEX_STEPS = 2_000_000;
    static final long MAX_REGEX_STEPS_PER_MODULE = 50_000_000;

    private Limits() {
    }
}
