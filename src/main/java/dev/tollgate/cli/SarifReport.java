package dev.tollgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.iac.ScanError;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.FindingStatus;
import dev.tollgate.review.ScanReport;

import java.util.LinkedHashMap;
import java.util.Map;

/** SARIF 2.1.0, so findings can be uploaded to code-scanning dashboards. */
final class SarifReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SarifReport() {
    }

    static String render(ScanReport report, String version) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Tollgate").put("version", version)
                .put("informationUri", "https://github.com/tollgate-dev/tollgate");
        Map<String, Finding> rules = new LinkedHashMap<>();
        report.findings().forEach(f -> rules.putIfAbsent(f.ruleId(), f));
        ArrayNode ruleNodes = driver.putArray("rules");
        rules.values().forEach(f -> {
            ObjectNode rule = ruleNodes.addObject();
            rule.put("id", f.ruleId());
            rule.putObject("shortDescription").put("text", f.title());
            rule.putObject("fullDescription").put("text", f.description());
            rule.putObject("help").put("text", f.remediation());
            rule.putObject("defaultConfiguration").put("level", level(f));
            // GitHub code scanning ranks security alerts by this score (CVSS-like, as a string)
            ObjectNode properties = rule.putObject("properties");
            properties.put("security-severity", securitySeverity(f));
            properties.putArray("tags").add("security").add("iac");
        });
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", f.ruleId()).put("level", level(f));
            // the fix goes with each result: a rule's help is one text, but CloudFormation and Terraform fixes differ
            result.putObject("message").put("text", f.resource() + ": " + f.message()
                    + (f.remediation() == null ? "" : " Fix: " + f.remediation().strip()));
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", f.file());
            physical.putObject("region").put("startLine", f.startLine()).put("endLine", Math.max(f.startLine(), f.endLine()));
            result.putObject("partialFingerprints").put("tollgate/v1", f.fingerprint());
            if (f.status() == FindingStatus.EXCEPTED) {
                result.putArray("suppressions").addObject().put("kind", "inSource")
                        .put("justification", f.statusDetail());
            }
        }
        ArrayNode notifications = run.putArray("invocations").addObject()
                .put("executionSuccessful", true).putArray("toolExecutionNotifications");
        for (ScanError e : report.errors()) {
            ObjectNode n = notifications.addObject();
            n.put("level", "error");
            n.putObject("message").put("text", e.message());
            ObjectNode loc = n.putArray("locations").addObject().putObject("physicalLocation");
            loc.putObject("artifactLocation").put("uri", e.file());
            if (e.line() > 0) {
                loc.putObject("region").put("startLine", e.line());
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String securitySeverity(Finding f) {
        return switch (f.severity()) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
        };
    }

    private static String level(Finding f) {
        return switch (f.severity()) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }
}
