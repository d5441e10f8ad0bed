package dev.tollgate.cli;

import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.FindingStatus;
import dev.tollgate.review.ScanReport;

import java.util.Comparator;
import java.util.StringJoiner;

/** Terminal output: one finding per block, {@code file:line} first so terminals and editors can jump to it. */
final class TextReport {

    private TextReport() {
    }

    static String render(ScanReport report) {
        StringBuilder out = new StringBuilder();
        report.findings().stream()
                .sorted(Comparator.comparing(Finding::file).thenComparingInt(Finding::startLine)
                        .thenComparing(Finding::ruleId))
                .forEach(f -> finding(out, f));
        for (ScanError e : report.errors()) {
            out.append(e.file()).append(e.line() > 0 ? ":" + e.line() : "").append("  ERROR  ")
                    .append(e.message()).append('\n');
        }
        for (Skipped s : report.skipped()) {
            out.append(s.file()).append("  SKIPPED  ").append(s.reason()).append('\n');
        }
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append(summaryLine(report)).append('\n');
        return out.toString();
    }

    private static void finding(StringBuilder out, Finding f) {
        out.append(f.file()).append(':').append(f.startLine()).append("  ")
                .append(f.severity().name()).append("  ").append(f.ruleId()).append("  ").append(f.title());
        if (f.status() == FindingStatus.EXCEPTED) {
            out.append("  [excepted]");
        } else if (f.status() == FindingStatus.INVALID_EXCEPTION) {
            out.append("  [invalid exception]");
        }
        out.append('\n');
        out.append("    resource: ").append(f.resource()).append('\n');
        if (f.message() != null && !f.message().strip().equalsIgnoreCase(f.title().strip())) {
            out.append("    ").append(f.message()).append('\n');
        }
        if (f.statusDetail() != null) {
            out.append("    exception: ").append(f.statusDetail()).append('\n');
        }
        if (f.status() != FindingStatus.EXCEPTED && f.remediation() != null) {
            out.append("    fix: ").append(f.remediation().strip().replace("\n", "\n         ")).append('\n');
        }
        out.append('\n');
    }

    static String summaryLine(ScanReport report) {
        ReportSummary s = ReportSummary.of(report);
        StringJoiner severities = new StringJoiner(", ");
        s.bySeverity().forEach((sev, n) -> severities.add(n + " " + sev.label()));
        String findings = report.findings().isEmpty() ? "no findings"
                : report.findings().size() + (report.findings().size() == 1 ? " finding" : " findings")
                + " (" + severities + "), " + s.blocking() + " blocking";
        long withFindings = report.findings().stream().map(f -> f.file()).distinct().count();
        String line = findings + (report.findings().isEmpty() ? "" : " in " + withFindings + " of") + " "
                + report.filesScanned() + (report.filesScanned() == 1 ? " file" : " files") + " scanned";
        if (!report.errors().isEmpty()) {
            line += "; " + report.errors().size() + " could not be read";
        }
        if (!report.skipped().isEmpty()) {
            line += "; " + report.skipped().size() + " skipped";
        }
        return line;
    }
}
