package dev.tollgate.iac.terraform;

/**
 * Names bound while evaluating an expression ({@code count}, {@code each}, {@code self}, a dynamic block's
 * iterator, for-expression variables, template variables) on top of the module's own roots.
 */
final class Scope {
    static final Object UNBOUND = new Object();

    /** The module whose {@code var}, {@code local}, resources etc. are visible; null in a {@code templatefile}. */
    final ModuleContext module;
    private final Scope parent;
    private final String name;
    private final Object value;

    private Scope(ModuleContext module, Scope parent, String name, Object value) {
        this.module = module;
        this.parent = parent;
        this.name = name;
        this.value = value;
    }

    static Scope of(ModuleContext module) {
        return new Scope(module, null, null, null);
    }

    Scope with(String boundName, Object boundValue) {
        return new Scope(module, this, boundName, boundValue);
    }

    Object lookup(String wanted) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.name != null && s.name.equals(wanted)) {
                return s.value;
            }
        }
        return UNBOUND;
    }
}
