package dev.tollgate.review;

import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
import dev.tollgate.policy.Finding;

import java.util.List;

/** Findings (with exception status applied) plus every file that could not be read or was skipped. */
public record ScanReport(List<Finding> findings, List<ScanError> errors, List<Skipped> skipped, int filesScanned) {
}
