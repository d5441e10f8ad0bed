package dev.tollgate.iac.terraform;

import java.util.ArrayDeque;
import java.util.Deque;

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
        if (path.startsWith("/") || path.contains("\\") || path.contains(":") || path.length() > 4096) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
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

    static boolean isInside(String dir, String path) {
        return dir.isEmpty() || path.startsWith(dir + "/");
    }
}
