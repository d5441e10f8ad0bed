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

    /**
     * Resolves {@code .} and {@code ..} in a repository path written with forward slashes; null for an absolute
     * path, one that climbs above the root, or one that is not a plain repository path.
     */
    public static String normalize(String path) {
        if (path.startsWith("/") || path.contains("\\") || path.contains(":") || path.length() > 4096) {
            return null;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(segment);
            }
        }
        return String.join("/", parts);
    }

    static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return (slash < 0 ? path : path.substring(slash + 1)).toLowerCase(Locale.ROOT);
    }
}
