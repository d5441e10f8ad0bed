package dev.tollgate.iac;

/** A file that was recognised but deliberately not scanned, with the reason users will read. */
public record Skipped(String file, String reason) {
}
