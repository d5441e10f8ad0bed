package dev.tollgate.iac;

import java.util.List;

/** What the IaC layer read from a set of files: resources for the rules, plus what could not be read. */
public record ParsedFiles(List<Resource> resources, List<ScanError> errors, List<Skipped> skipped) {
}
