package dev.tollgate.review;

import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.FindingStatus;
import dev.tollgate.policy.Severity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for {@link Scanner} until the scan pipeline is merged: flags {@code acl = "public-read"} and
 * {@code 0.0.0.0/0} lines, attributed to the enclosing {@code resource "type" "name"} block.
 */
final class StandInScanner implements ScanFunction {

    static final String PUBLIC_BUCKET = "TG-TEST-S3-PUBLIC";
    static final String OPEN_INGRESS = "TG-TEST-SG-OPEN";
    private static final Pattern RESOURCE = Pattern.compile("^resource\\s+\"([\\w-]+)\"\\s+\"([\\w-]+)\"");

    final List<List<String>> scannedPaths = new ArrayList<>();

    @Override
    public ScanReport scan(List<SourceFile> files, LocalDate today, int maxExceptionDays) {
        scannedPaths.add(files.stream().map(SourceFile::path).toList());
        List<Finding> findings = new ArrayList<>();
        for (SourceFile file : files) {
            String resource = null;
            int resourceLine = 0;
            String[] lines = file.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RESOURCE.matcher(lines[i]);
                if (m.find()) {
                    resource = m.group(1) + "." + m.group(2);
                    resourceLine = i + 1;
                }
                if (resource == null) {
                    continue;
                }
                if (lines[i].contains("\"public-read\"")) {
                    findings.add(finding(PUBLIC_BUCKET, "S3 bucket is publicly readable", file.path(), i + 1, resource, resourceLine));
                } else if (lines[i].contains("0.0.0.0/0")) {
                    findings.add(finding(OPEN_INGRESS, "Ingress open to the internet", file.path(), i + 1, resource, resourceLine));
                }
            }
        }
        return new ScanReport(findings, List.of(), List.of(), files.size());
    }

    private static Finding finding(String rule, String title, String file, int line, String resource, int resourceLine) {
        return new Finding(rule, Severity.values()[Severity.values().length - 1], title, title, "fix it", file, line, line,
                resource, resourceLine, resourceLine, title + " (" + resource + ")", null, Map.of(), Map.of(),
                FindingStatus.OPEN, null);
    }
}
