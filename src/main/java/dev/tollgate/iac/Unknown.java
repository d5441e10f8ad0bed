package dev.tollgate.iac;

/**
 * A value that cannot be known statically: a data source, a variable without a default, the result of an
 * unsupported function. Evaluators put {@link #VALUE} wherever such a value stands; rules never report on it.
 */
public enum Unknown {
    VALUE;

    @Override
    public String toString() {
        return "(unknown)";
    }
}
