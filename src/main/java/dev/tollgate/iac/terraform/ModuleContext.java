package dev.tollgate.iac.terraform;

/** What an expression can see of its module; every method answers a value or {@code Unknown.VALUE}. */
interface ModuleContext {
    Object variable(String name);

    Object local(String name);

    /** The value of {@code type.name}: an object, a list (count) or a map (for_each) of objects; unknown if undeclared. */
    Object resource(String type, String name);

    Object data(String type, String name);

    /** {@code path.module}: the module's directory relative to the scanned root, "." for the root. */
    String pathModule();

    /** The text of a file of this module, for {@code file()} and {@code templatefile()}; null when not given. */
    String fileText(String path);

    /** Counts one evaluation step against the module's budget. */
    void tick();
}
