package dev.tollgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
import dev.tollgate.policy.Finding;
import dev.tollgate.review.ScanReport;

import java.util.List;
import java.util.Map;

/** The JSON output of {@code scan --format json}, in the shape DESIGN.md fixes. */
final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    static String render(ScanReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode errors = root.putArray("errors");
        for (ScanError e : report.errors()) {
            errors.addObject().put("file", e.file()).put("line", e.line()).put("column", e.column())
                    .put("message", e.message());
        }
        ArrayNode skipped = root.putArray("skipped");
        for (Skipped s : report.skipped()) {
            skipped.addObject().put("file", s.file()).put("reason", s.reason());
        }
        root.set("summary", summary(report));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode finding(Finding f) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("rule", f.ruleId())
                .put("severity", f.severity().label())
                .put("title", f.title())
                .put("file", f.file())
                .put("start_line", f.startLine())
                .put("end_line", f.endLine())
                .put("resource", f.resource())
                .put("message", f.message())
                .put("remediation", f.remediation());
        node.set("equivalent", lists(f.equivalents()));
        node.set("frameworks", lists(f.frameworks()));
        node.put("status", f.status().json());
        if (f.statusDetail() != null) {
            node.put("status_detail", f.statusDetail());
        }
        if (f.suggestion() != null) {
            node.put("suggestion", f.suggestion());
        }
        node.put("fingerprint", f.fingerprint());
        return node;
    }

    private static ObjectNode lists(Map<String, List<String>> map) {
        ObjectNode node = MAPPER.createObjectNode();
        map.forEach((key, values) -> values.forEach(node.withArray(key)::add));
        return node;
    }

    private static ObjectNode summary(ScanReport report) {
        ReportSummary s = ReportSummary.of(report);
        ObjectNode node = MAPPER.createObjectNode();
        node.put("files_scanned", report.filesScanned())
                .put("findings", report.findings().size())
                .put("blocking", s.blocking())
                .put("errors", report.errors().size())
                .put("skipped", report.skipped().size());
        ObjectNode bySeverity = node.putObject("by_severity");
        s.bySeverity().forEach((sev, n) -> bySeverity.put(sev.label(), n));
        ObjectNode byStatus = node.putObject("by_status");
        s.byStatus().forEach((st, n) -> byStatus.put(st.json(), n));
        return node;
    }
}
