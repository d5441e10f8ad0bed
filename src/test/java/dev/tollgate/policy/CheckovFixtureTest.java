package dev.tollgate.policy;

import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.IacReaders;
import dev.tollgate.iac.IacReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.SourceFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checkov's own Terraform fixtures for the checks our rules name in {@code equivalents.checkov}: each suite is
 * evaluated over its whole fixture directory; every expected failing resource must get a finding of the mapped
 * rule, every passing or not-reported one none. Where we disagree on purpose the case is listed in
 * {@link #DIVERGENCES} with the reason; the test fails on any other disagreement and on a listed one that no
 * longer happens, so the list stays true.
 */
class CheckovFixtureTest {

    /** check id / resource / file -> why Tollgate answers differently from checkov. */
    private static final Map<String, String> DIVERGENCES = Map.of(
            "CKV_AWS_24 / aws_security_group.pass_self2 @ terraform/main.tf (extra)",
            "self = true adds the group itself as a source; it does not narrow cidr_blocks = [\"0.0.0.0/0\"],"
                    + " so the rule is open to the internet (AWS provider docs: self is an additional source)",
            "CKV_AWS_63 / AWS::IAM::Role.RootRole @ cloudformation/iam_role.unknown.yaml (extra)",
            "the condition is !Equals [0, 0], so !If picks a PolicyDocument given as a JSON string (!Sub without"
                    + " variables) that allows Action \"*\" on Resource \"*\"; CloudFormation accepts Json-typed"
                    + " properties as JSON strings, so the role really is full admin: checkov leaves it unevaluated");

    /** The checkov frameworks Tollgate reads; a suite of any other framework is reported as not run. */
    private static final Set<String> FRAMEWORKS = Set.of("terraform", "cloudformation");

    @Test
    void agreesWithCheckovOnTheMappedChecks() throws IOException {
        String shared = System.getProperty("tollgate.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "corpus", "checkov-fixtures")),
                "shared corpus not found (system property tollgate.shared): checkov fixtures skipped");
        TerraformAvailable.assume();
        Path root = Path.of(shared, "corpus", "checkov-fixtures");
        List<Rule> rules = RuleLoader.builtIn();
        PolicyEngine engine = new PolicyEngine(rules, file -> List.of());
        Set<String> mismatches = new TreeSet<>();
        List<String> report = new ArrayList<>();
        try (Stream<Path> checks = Files.list(root)) {
            for (Path expectedFile : checks.map(p -> p.resolve("expected.json")).filter(Files::isRegularFile)
                    .sorted().toList()) {
                JsonNode expected = new ObjectMapper().readTree(expectedFile.toFile());
                String checkId = expected.get("check_id").asText();
                Set<String> ruleIds = new TreeSet<>();
                rules.stream().filter(r -> r.equivalents().getOrDefault("checkov", List.of()).contains(checkId))
                        .forEach(r -> ruleIds.add(r.id()));
                for (JsonNode suite : expected.get("suites")) {
                    if (!FRAMEWORKS.contains(suite.get("framework").asText())) {
                        report.add(checkId + " " + suite.get("framework").asText() + ": no reader for this format yet");
                        continue;
                    }
                    if (ruleIds.isEmpty()) {
                        report.add(checkId + ": no rule maps to it");
                        continue;
                    }
                    report.add(runSuite(engine, expectedFile.getParent(), checkId, ruleIds, suite, mismatches));
                }
            }
        }
        System.out.println("Checkov agreement (suites of " + FRAMEWORKS + "):");
        report.forEach(line -> System.out.println("  " + line));
        mismatches.forEach(m -> System.out.println("  mismatch: " + m
                + (DIVERGENCES.containsKey(m) ? "  (known: " + DIVERGENCES.get(m) + ")" : "")));
        assertEquals(new TreeSet<>(DIVERGENCES.keySet()), mismatches,
                "disagreements with checkov other than the documented ones (or documented ones that went away)");
    }

    private static String runSuite(PolicyEngine engine, Path checkDir, String checkId, Set<String> ruleIds,
                                   JsonNode suite, Set<String> mismatches) throws IOException {
        Path fixtureDir = checkDir.resolve(suite.get("fixture_dir").asText());
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(fixtureDir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.add(new SourceFile(checkDir.relativize(p).toString().replace('\\', '/'),
                        Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        ParsedFiles parsed = readAll(files);
        parsed.errors().forEach(e -> System.out.println("  reader error in " + checkId + ": " + e));
        PolicyResult result = engine.run(parsed.resources(), files);
        Set<String> reported = new TreeSet<>();
        result.findings().stream().filter(f -> ruleIds.contains(f.ruleId()))
                .forEach(f -> reported.add(f.resource() + " @ " + f.file()));
        Map<String, int[]> tally = new TreeMap<>();
        for (String kind : List.of("expected_failing", "expected_passing", "expected_not_reported")) {
            int[] agreed = {0, 0};
            for (JsonNode item : suite.path(kind)) {
                String key = item.get("resource").asText() + " @ " + item.get("file").asText();
                boolean shouldReport = kind.equals("expected_failing");
                agreed[1]++;
                if (reported.contains(key) == shouldReport) {
                    agreed[0]++;
                } else {
                    mismatches.add(checkId + " / " + key + (shouldReport ? " (missed)" : " (extra)"));
                }
            }
            tally.put(kind, agreed);
        }
        int agreed = tally.values().stream().mapToInt(t -> t[0]).sum();
        int total = tally.values().stream().mapToInt(t -> t[1]).sum();
        return String.format("%-11s -> %-30s failing %d/%d, passing %d/%d, not reported %d/%d: %d/%d agree"
                        + " (reader errors: %d)",
                checkId, String.join(",", ruleIds),
                tally.get("expected_failing")[0], tally.get("expected_failing")[1],
                tally.get("expected_passing")[0], tally.get("expected_passing")[1],
                tally.get("expected_not_reported")[0], tally.get("expected_not_reported")[1],
                agreed, total, parsed.errors().size());
    }

    /** Every reader on the files it accepts, as the scan pipeline does. */
    private static ParsedFiles readAll(List<SourceFile> files) {
        List<Resource> resources = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        for (IacReader reader : IacReaders.all()) {
            List<SourceFile> accepted = files.stream().filter(f -> reader.accepts(f.path())).toList();
            if (!accepted.isEmpty()) {
                ParsedFiles parsed = reader.read(accepted);
                resources.addAll(parsed.resources());
                errors.addAll(parsed.errors());
            }
        }
        return new ParsedFiles(resources, errors, List.of());
    }
}
