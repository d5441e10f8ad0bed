package dev.tollgate.iac;

import java.util.List;

/**
 * What the IaC layer read from a set of files: resources for the rules, what could not be read, and the
 * exceptions that resources declare in their own data.
 */
public record ParsedFiles(List<Resource> resources, List<ScanError> errors, List<Skipped> skipped,
                          List<DeclaredException> exceptions) {

    public ParsedFiles(List<Resource> resources, List<ScanError> errors, List<Skipped> skipped) {
        this(resources, errors, skipped, List.of());
    }
}
