package dev.tollgate.review;

import java.util.Locale;

/** Which paths the bot reads. The one place to extend when YAML, JSON and Dockerfiles join. */
public final class IacFiles {

    private IacFiles() {
    }

    /** A changed file with this path is scanned. */
    public static boolean isIac(String path) {
        return isTerraform(path);
    }

    /** Terraform files: a changed one brings the other Terraform files of its directory (the module) along. */
    public static boolean isTerraform(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".tf") || name.endsWith(".tf.json")
                || name.endsWith(".tfvars") || name.endsWith(".tfvars.json");
    }

    /** The directory of a repository path, "" for the root. */
    public static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
