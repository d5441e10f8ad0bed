package dev.tollgate.policy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuiltInRulesTest {

    private final List<Rule> rules = RuleLoader.builtIn();

    @Test
    void everyBuiltInRuleLoadsWithUniqueIdAndExamplesOfBothKinds() {
        assertTrue(rules.size() >= 30, "rules loaded: " + rules.size());
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            assertTrue(ids.add(rule.id()), "duplicate " + rule.id());
            assertTrue(rule.examples().stream().anyMatch(RuleExample::shouldFail), rule.id() + " has no fail example");
            assertTrue(rule.examples().stream().anyMatch(e -> !e.shouldFail()), rule.id() + " has no pass example");
            assertFalse(rule.frameworks().getOrDefault("nist_csf", List.of()).isEmpty(), rule.id() + " lacks nist_csf");
        }
    }

    @Test
    void listingHasOneLinePerRule() {
        List<String> lines = RuleTester.listing(rules);
        assertEquals(rules.size(), lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TG-AWS-S3-001") && l.contains("CKV_AWS_19")));
    }

    @Test
    void extraRulesDirectoryAddsRulesAndRefusesBuiltInIds(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path own = dir.resolve("acme/tags/TG-ACME-TAG-001.yaml");
        Files.createDirectories(own.getParent());
        Files.writeString(own, """
                id: TG-ACME-TAG-001
                title: Buckets carry an owner tag
                severity: low
                category: governance
                description: Ownerless buckets are never cleaned up.
                remediation: Add tags.Owner.
                targets:
                  - format: terraform
                    types: [aws_s3_bucket]
                    condition: "!('Owner' in resource.?tags.orValue({}))"
                """);
        PolicyEngine engine = PolicyEngine.load(dir);
        assertEquals(rules.size() + 1, engine.rules().size());

        Path clash = dir.resolve("acme/s3/TG-AWS-S3-001.yaml");
        Files.createDirectories(clash.getParent());
        Files.writeString(clash, Files.readString(own).replace("TG-ACME-TAG-001", "TG-AWS-S3-001"));
        RuleLoadException e = assertThrows(RuleLoadException.class, () -> PolicyEngine.load(dir));
        assertTrue(e.getMessage().contains("TG-AWS-S3-001.yaml: field 'id'"), e.getMessage());
    }

    @Test
    void rulesAreReadFromAPackagedJar(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path jar = dir.resolve("tollgate.jar");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("dev/tollgate/Other.class"));
            zip.write(new byte[]{1});
            zip.putNextEntry(new java.util.zip.ZipEntry("rules/aws/kms/TG-AWS-KMS-001.yaml"));
            zip.write("id: TG-AWS-KMS-001".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("rules/aws/kms/TG-AWS-KMS-001/pass.tf"));
            zip.write("# ok".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(java.util.Map.of("aws/kms/TG-AWS-KMS-001.yaml", "id: TG-AWS-KMS-001",
                "aws/kms/TG-AWS-KMS-001/pass.tf", "# ok"), RuleFiles.fromJar(jar));
    }

    /** A Terraform resource type, or an HCL assignment or block of a snake_case attribute. */
    private static final Pattern TERRAFORM_WORDING =
            Pattern.compile("\\baws_[a-z0-9_]+|\\b[a-z0-9]+(_[a-z0-9]+)+\\s*(=|\\{)");

    @Test
    void terraformWordingIsNeverTheFixOfAFindingInAnotherFormat() {
        assertTrue(TERRAFORM_WORDING.matcher("Set storage_encrypted = true.").find());
        assertTrue(TERRAFORM_WORDING.matcher("Add an aws_s3_bucket_versioning resource.").find());
        assertTrue(TERRAFORM_WORDING.matcher("Add metadata_options { http_tokens = \"required\" }.").find());
        assertFalse(TERRAFORM_WORDING.matcher("Add {Key: routing.http.drop_invalid_header_fields.enabled}.").find());
        List<String> offenders = new ArrayList<>();
        for (Rule rule : rules) {
            for (RuleTarget target : rule.targets()) {
                boolean otherFormat = !target.format().equals("terraform") && !target.format().equals("any");
                if (otherFormat && TERRAFORM_WORDING.matcher(target.remediationOr(rule.remediation())).find()) {
                    offenders.add(rule.id() + " (" + target.format() + ")");
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
