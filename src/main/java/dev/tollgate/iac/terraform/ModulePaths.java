package dev.tollgate.iac.terraform;


/** Paths relative to the scanned root, with forward slashes; nothing here touches the file system. */
final class ModulePaths {
    private ModulePaths() {
    }

    /** The directory of a file path, "" for a file at the root. */
    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String join(String dir, String path) {
        return dir.isEmpty() ? path : dir + "/" + path;
    }

    /** Resolves "." and ".." segments; null for an absolute path or one that climbs above the root. */
    static String normalize(String path) {
        return dev.tollgate.iac.IacFiles.normalize(path);
    }

    static boolean isInside(String dir, String path) {
        return dir.isEmpty() || path.startsWith(dir + "/");
    }
}
