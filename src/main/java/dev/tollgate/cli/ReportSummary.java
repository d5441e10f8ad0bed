package dev.tollgate.cli;

import dev.tollgate.policy.Finding;
import dev.tollgate.policy.FindingStatus;
import dev.tollgate.policy.Severity;
import dev.tollgate.review.ScanReport;

import java.util.EnumMap;
import java.util.Map;

/** Counts shared by the text and JSON outputs. A finding blocks unless a valid exception waives it. */
record ReportSummary(long blocking, Map<Severity, Integer> bySeverity, Map<FindingStatus, Integer> byStatus) {

    static ReportSummary of(ScanReport report) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Map<FindingStatus, Integer> byStatus = new EnumMap<>(FindingStatus.class);
        long blocking = 0;
        for (Finding f : report.findings()) {
            bySeverity.merge(f.severity(), 1, Integer::sum);
            byStatus.merge(f.status(), 1, Integer::sum);
            if (f.isActive()) {
                blocking++;
            }
        }
        return new ReportSummary(blocking, bySeverity, byStatus);
    }
}
