package dev.tollgate.iac;

/** A file handed to the scanners: its path relative to the scanned root (forward slashes) and its text. */
public record SourceFile(String path, String text) {
}
