package dev.tollgate.iac;

/**
 * A value that cannot be known statically: a data source, a variable without a default, the result of an
 * unsupported function. Evaluators put {@link #VALUE} wherever such a value stands; rules never report on it.
 */
public enum Unknown {
    VALUE;

    /**
     * A key present (with value {@code true}) in a nested-block element whose very existence is unknown: the one
     * element read from a Terraform {@code dynamic} block over an unknown collection. Its content is code in the
     * file and is evaluated; whether it exists is not known. Rules never see this key.
     */
    public static final String SPECULATIVE_KEY = "\u0000tollgate:speculative";

    @Override
    public String toString() {
        return "(unknown)";
    }
}
