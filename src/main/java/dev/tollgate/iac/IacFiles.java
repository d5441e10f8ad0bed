package dev.tollgate.iac;

import java.util.Locale;

/** Which paths Tollgate reads, in one place for the CLI and the bot. */
public final class IacFiles {

    private IacFiles() {
    }

    /** Terraform configuration, variable files and their JSON forms. */
    public static boolean isTerraform(String path) {
        String name = fileName(path);
        return name.endsWith(".tf") || name.endsWith(".tf.json")
                || name.endsWith(".tfvars") || name.endsWith(".tfvars.json");
    }

    /** Whether a path is IaC that Tollgate scans. */
    public static boolean isIac(String path) {
        return IacReaders.accepts(path);
    }

    /** The directory part of a path with forward slashes ("" for a top-level file). */
    public static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return (slash < 0 ? path : path.substring(slash + 1)).toLowerCase(Locale.ROOT);
    }
}
