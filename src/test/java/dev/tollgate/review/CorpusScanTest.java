package dev.tollgate.review;

import dev.tollgate.iac.IacReaders;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every repository of the corpus through the whole scan pipeline, every format at once: nothing crashes, every
 * YAML/JSON file is either read as IaC or listed with a reason, and the goat repos give findings.
 */
class CorpusScanTest {

    private static Path iac() {
        String shared = System.getProperty("tollgate.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "corpus", "iac")),
                "shared corpus not found (system property tollgate.shared): corpus scan skipped");
        return Path.of(shared, "corpus", "iac");
    }

    @Test
    void everyRepositoryScansAndEveryCandidateFileIsAccountedFor() throws IOException {
        Path root = iac();
        Scanner scanner = Scanner.create(null);
        Map<String, String> figures = new TreeMap<>();
        try (Stream<Path> repos = Files.list(root)) {
            for (Path repo : repos.filter(Files::isDirectory).sorted().toList()) {
                List<SourceFile> files = read(repo);
                ScanReport report = scanner.scan(files, LocalDate.of(2026, 12, 3), 90);
                figures.put(repo.getFileName().toString(), report.findings().size() + " findings in "
                        + report.filesScanned() + " files, " + report.errors().size() + " errors, "
                        + report.skipped().size() + " skipped; by format " + byFormat(report));
                for (Skipped s : report.skipped()) {
                    assertFalse(s.reason().isBlank(), s.toString());
                }
                assertEquals(List.of(), report.errors().stream().map(ScanError::toString).toList(),
                        repo + ": every corpus file reads");
                if (!repo.getFileName().toString().equals("tf-modules")) {
                    assertTrue(report.findings().size() > 10, repo + " is vulnerable by design: " + figures);
                }
            }
        }
        figures.forEach((repo, line) -> System.out.println("corpus scan " + repo + ": " + line));
    }

    /**
     * The clean real-world modules: each of these was read by a person and rests on the module's defaults
     * (versioning off unless enabled, a flow log only when asked for, example KMS keys without rotation, the
     * node-group egress rule), never on an unknown value. A new finding here is a regression to look at.
     */
    @Test
    void cleanModulesGiveOnlyTheReviewedFindings() throws IOException {
        Path modules = iac().resolve("tf-modules");
        ScanReport report = Scanner.create(null).scan(read(modules), LocalDate.of(2026, 12, 3), 90);
        List<String> found = report.findings().stream().map(f -> f.file() + ":" + f.startLine() + " " + f.ruleId())
                .sorted().toList();
        assertEquals(List.of(
                "terraform-aws-eks/examples/eks-hybrid-nodes/remote.tf:190 TG-AWS-EC2-004",
                "terraform-aws-eks/node_groups.tf:216 TG-AWS-EC2-004",
                "terraform-aws-eks/tests/eks-managed-node-group/main.tf:565 TG-AWS-EC2-004",
                "terraform-aws-s3-bucket/examples/complete/main.tf:27 TG-AWS-KMS-001",
                "terraform-aws-s3-bucket/examples/directory-bucket/main.tf:117 TG-AWS-KMS-001",
                "terraform-aws-s3-bucket/examples/object/main.tf:100 TG-AWS-KMS-001",
                "terraform-aws-s3-bucket/examples/s3-replication/main.tf:34 TG-AWS-KMS-001",
                "terraform-aws-s3-bucket/main.tf:45 TG-AWS-S3-002",
                "terraform-aws-s3-bucket/main.tf:45 TG-AWS-S3-003",
                "terraform-aws-s3-bucket/modules/account-public-access/main.tf:6 TG-AWS-S3-006",
                "terraform-aws-vpc/main.tf:28 TG-AWS-VPC-001"), found);
    }

    @Test
    void helmChartsAreListedAsNotRenderedNeverAsParseErrors() throws IOException {
        ScanReport report = Scanner.create(null).scan(read(iac().resolve("kubernetes-goat")), LocalDate.of(2026, 12, 3), 90);
        Map<String, String> reasons = new TreeMap<>();
        report.skipped().forEach(s -> reasons.put(s.file(), s.reason()));
        assertEquals("Helm template: not rendered, not scanned",
                reasons.get("scenarios/metadata-db/templates/deployment.yaml"));
        assertEquals("part of a Helm chart: not rendered, not scanned", reasons.get("scenarios/metadata-db/Chart.yaml"));
        assertEquals("part of a Helm chart: not rendered, not scanned", reasons.get("scenarios/metadata-db/values.yaml"));
        assertTrue(report.errors().isEmpty(), report.errors().toString());
    }

    /** What a security engineer names first in sadcloud, where most toggles default to off. */
    @Test
    void sadcloudFindingsAtTheirLines() throws IOException {
        ScanReport report = Scanner.create(null).scan(read(iac().resolve("sadcloud")), LocalDate.of(2026, 12, 3), 90);
        List<String> found = report.findings().stream().map(f -> f.file() + ":" + f.startLine() + " " + f.ruleId())
                .toList();
        for (String expected : List.of(
                "sadcloud/static/S3_Website_Bucket.yaml:9 TG-AWS-S3-004",   // AccessControl: PublicRead
                "sadcloud/static/Secret_Output.yaml:13 TG-SECRET-001",       // an access key as a stack output
                "modules/aws/ec2/main.tf:26 TG-SECRET-001",                  // an access key in user_data
                "modules/aws/cloudtrail/main.tf:3 TG-AWS-CT-001")) {          // trail logs without KMS
            assertTrue(found.contains(expected), expected + " in " + found);
        }
    }

    private static String byFormat(ScanReport report) {
        return report.findings().stream().collect(Collectors.groupingBy(CorpusScanTest::format, TreeMap::new,
                Collectors.counting())).toString();
    }

    private static String format(Finding f) {
        String id = f.ruleId();
        if (id.startsWith("TG-SECRET")) {
            return "secrets";
        }
        String file = f.file().toLowerCase(java.util.Locale.ROOT);
        if (file.contains("dockerfile") || file.contains("containerfile")) {
            return "dockerfile";
        }
        if (file.endsWith(".tf") || file.endsWith(".tf.json")) {
            return "terraform";
        }
        return id.startsWith("TG-K8S") ? "kubernetes" : "cloudformation";
    }

    private static List<SourceFile> read(Path repo) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(repo)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = repo.relativize(p).toString().replace('\\', '/');
                if (!IacReaders.accepts(path)) {
                    continue;
                }
                try {
                    files.add(new SourceFile(path, StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString()));
                } catch (CharacterCodingException e) {
                    throw new AssertionError(path + " is not UTF-8", e);
                }
            }
        }
        return files;
    }
}
