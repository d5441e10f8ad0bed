package dev.tollgate.forge;

/**
 * One file of a pull request's diff.
 *
 * @param path         path at the head (for removed files: the path that was removed)
 * @param status       what happened to it
 * @param previousPath path at the base for renamed files, else null
 * @param patch        the unified-diff hunks of this file as the platform gives them (no file headers);
 *                     null when the platform omits it (binary or very large diffs)
 */
public record ChangedFile(String path, Status status, String previousPath, String patch) {

    public enum Status { ADDED, MODIFIED, REMOVED, RENAMED, COPIED, CHANGED, UNCHANGED }

    /** The file's path at the base commit, or null when it did not exist there. */
    public String basePath() {
        return switch (status) {
            case ADDED, COPIED -> null;
            case RENAMED -> previousPath != null ? previousPath : path;
            default -> path;
        };
    }

    public boolean existsAtHead() {
        return status != Status.REMOVED;
    }
}
