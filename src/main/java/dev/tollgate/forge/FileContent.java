package dev.tollgate.forge;

/**
 * A file read at a ref: either its text, or the reason it was not read (too large, not text).
 * A forge returns null instead when the file does not exist at that ref.
 */
public record FileContent(String path, String text, String skippedReason) {

    public static FileContent text(String path, String text) {
        return new FileContent(path, text, null);
    }

    public static FileContent skipped(String path, String reason) {
        return new FileContent(path, null, reason);
    }

    public boolean isSkipped() {
        return text == null;
    }
}
