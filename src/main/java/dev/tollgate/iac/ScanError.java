package dev.tollgate.iac;

/** A file, or part of one, that could not be read. Line and column are 1-based; 0 when not known. */
public record ScanError(String file, int line, int column, String message) {
}
