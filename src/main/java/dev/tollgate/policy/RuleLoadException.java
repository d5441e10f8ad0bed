package dev.tollgate.policy;

/** A rule file that cannot be used; the message names the file and the field. */
public final class RuleLoadException extends RuntimeException {
    public RuleLoadException(String file, String field, String problem) {
        super(file + ": " + (field == null ? "" : "field '" + field + "': ") + problem);
    }
}
