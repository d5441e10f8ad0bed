package dev.tollgate.policy;

import dev.tollgate.iac.Resource;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.Unknown;
import dev.tollgate.policy.secrets.SecretHit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyEngineTest {

    static Rule rule(String id, String targetYaml) {
        String yaml = """
                id: %s
                title: Test rule
                severity: high
                category: test
                description: Why it matters.
                remediation: Fix it.
                equivalents: {checkov: [CKV_TEST_1]}
                frameworks: {nist_csf: [PR.DS-01]}
                targets:
                %s
                """.formatted(id, targetYaml.indent(2));
        return RuleLoader.parse("rules/test/" + id + ".yaml", yaml, List.of());
    }

    static Resource resource(String type, String name, Map<String, Object> attributes, Map<String, Integer> lines,
                             String... references) {
        return new Resource("terraform", type, type + "." + name, "main.tf", 10, 30, attributes, lines,
                Set.of(references));
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static final Rule KMS_ROTATION = rule("TG-T-KMS-1", """
            - format: terraform
              types: [aws_kms_key]
              condition: "resource.?enable_key_rotation.orValue(false) != true"
              at: [enable_key_rotation]
              message: "rotation is {{ resource.?enable_key_rotation.orValue('absent') }}"
              suggestion: "enable_key_rotation = true"
            """);

    static final Rule SSH_OPEN = rule("TG-T-SG-1", """
            - format: terraform
              types: [aws_security_group]
              each: ingress
              condition: "port_in(it.?from_port.orValue(-2), it.?to_port.orValue(-2), 22) && cidr_public(it.?cidr_blocks.orValue([]))"
              at: [cidr_blocks, from_port]
            """);

    PolicyResult run(Rule rule, Resource... resources) {
        return new PolicyEngine(List.of(rule), f -> List.of()).run(Arrays.asList(resources), List.of());
    }

    @Test
    void knownViolationIsReportedAtTheAttributeWithSuggestionAndMessage() {
        PolicyResult result = run(KMS_ROTATION, resource("aws_kms_key", "k", map("enable_key_rotation", false),
                Map.of("enable_key_rotation", 12)));
        assertEquals(1, result.findings().size());
        Finding f = result.findings().get(0);
        assertEquals(12, f.startLine());
        assertEquals(10, f.resourceStartLine());
        assertEquals(30, f.resourceEndLine());
        assertEquals("aws_kms_key.k", f.resource());
        assertEquals("rotation is false", f.message());
        assertEquals("enable_key_rotation = true", f.suggestion());
        assertEquals(List.of("CKV_TEST_1"), f.equivalents().get("checkov"));
        assertEquals(FindingStatus.OPEN, f.status());
    }

    @Test
    void missingAttributePointsAtTheResourceAndOffersNoSuggestion() {
        PolicyResult result = run(KMS_ROTATION, resource("aws_kms_key", "k", map("description", "x"), Map.of()));
        assertEquals(1, result.findings().size());
        assertEquals(10, result.findings().get(0).startLine());
        assertNull(result.findings().get(0).suggestion());
        assertTrue(result.ruleErrors().isEmpty());
    }

    @Test
    void unknownValueIsNeverReported() {
        PolicyResult result = run(KMS_ROTATION, resource("aws_kms_key", "k",
                map("enable_key_rotation", Unknown.VALUE), Map.of("enable_key_rotation", 12)));
        assertTrue(result.findings().isEmpty());
        assertEquals(1, result.unknown().size());
        assertTrue(result.ruleErrors().isEmpty());
    }

    @Test
    void unknownThatTheConditionDoesNotReadDoesNotHideAViolation() {
        PolicyResult result = run(KMS_ROTATION, resource("aws_kms_key", "k",
                map("enable_key_rotation", false, "policy", Unknown.VALUE, "tags", map("Owner", Unknown.VALUE)),
                Map.of()));
        assertEquals(1, result.findings().size());
        assertTrue(result.unknown().isEmpty());
    }

    @Test
    void eachPointsAtTheOffendingElementAndSkipsUnknownElements() {
        List<Object> ingress = new ArrayList<>();
        ingress.add(map("from_port", 22L, "to_port", 22L, "cidr_blocks", List.of("10.0.0.0/8")));
        ingress.add(map("from_port", 22L, "to_port", 22L, "cidr_blocks", List.of(Unknown.VALUE)));
        ingress.add(map("from_port", 0L, "to_port", 65535L, "cidr_blocks", List.of("10.0.0.0/8", "0.0.0.0/0")));
        Map<String, Integer> lines = new HashMap<>(Map.of("ingress[0]", 11, "ingress[1]", 15, "ingress[2]", 20,
                "ingress[2].cidr_blocks", 23, "ingress[2].from_port", 21));
        PolicyResult result = run(SSH_OPEN, resource("aws_security_group", "sg", map("ingress", ingress), lines));
        assertEquals(1, result.findings().size());
        assertEquals(23, result.findings().get(0).startLine());
    }

    @Test
    void eachWithholdsAnElementWhoseUnknownMakesTheConditionTrue() {
        Rule undocumented = rule("TG-T-SG-2", """
                - format: terraform
                  types: [aws_security_group]
                  each: ingress
                  condition: "it.?description.orValue('') == ''"
                  at: [description]
                """);
        List<Object> ingress = List.of(map("description", Unknown.VALUE), map("description", ""));
        PolicyResult result = run(undocumented, resource("aws_security_group", "sg", map("ingress", ingress),
                Map.of("ingress[1]", 17)));
        assertEquals(1, result.findings().size());
        assertEquals(17, result.findings().get(0).startLine());
        assertEquals(0, result.unknown().size(), "the placeholder is not empty, so element 0 passes");
        PolicyResult onlyUnknown = run(rule("TG-T-SG-3", """
                - format: terraform
                  types: [aws_security_group]
                  each: ingress
                  condition: "it.?description.orValue('') != 'approved'"
                """), resource("aws_security_group", "sg", map("ingress", List.of(map("description", Unknown.VALUE))),
                Map.of()));
        assertTrue(onlyUnknown.findings().isEmpty());
        assertEquals(1, onlyUnknown.unknown().size());
    }

    @Test
    void eachWithOnlyAnUnknownElementReportsNothing() {
        List<Object> ingress = List.of(map("from_port", 22L, "to_port", 22L, "cidr_blocks", Unknown.VALUE));
        PolicyResult result = run(SSH_OPEN, resource("aws_security_group", "sg", map("ingress", ingress), Map.of()));
        assertTrue(result.findings().isEmpty());
    }

    @Test
    void integersAndStringsFromTheEvaluatorCompareAsNumbers() {
        List<Object> ingress = List.of(map("from_port", 22, "to_port", "22", "cidr_blocks", List.of("::/0")));
        PolicyResult result = run(SSH_OPEN, resource("aws_security_group", "sg", map("ingress", ingress), Map.of()));
        assertEquals(1, result.findings().size());
    }

    static final Rule VERSIONING = rule("TG-T-S3-1", """
            - format: terraform
              types: [aws_s3_bucket]
              condition: >
                !resource.?versioning.orValue([]).exists(v, v.?enabled.orValue(false) == true) &&
                !related.aws_s3_bucket_versioning.exists(v,
                    v.?versioning_configuration.orValue([]).exists(c, c.?status.orValue('') == 'Enabled'))
            """);

    @Test
    void relatedResourcesThatReferToTheBucketCount() {
        Resource enabled = resource("aws_s3_bucket", "a", map("bucket", "a"), Map.of());
        Resource config = resource("aws_s3_bucket_versioning", "a", map("bucket", "a",
                "versioning_configuration", List.of(map("status", "Enabled"))), Map.of(), "aws_s3_bucket.a");
        Resource bare = resource("aws_s3_bucket", "b", map("bucket", "b"), Map.of());
        Resource unknownBucket = resource("aws_s3_bucket", "c", map("bucket", "c"), Map.of());
        Resource unknownConfig = resource("aws_s3_bucket_versioning", "c", map("bucket", "c",
                "versioning_configuration", List.of(map("status", Unknown.VALUE))), Map.of(), "aws_s3_bucket.c");
        PolicyResult result = run(VERSIONING, enabled, config, bare, unknownBucket, unknownConfig);
        assertEquals(List.of("aws_s3_bucket.b"), result.findings().stream().map(Finding::resource).toList());
        assertEquals(1, result.unknown().size());
        assertTrue(result.ruleErrors().isEmpty(), result.ruleErrors().toString());
    }

    @Test
    void aCompanionNamingItsTargetByAnUnknownValueWithholdsTheVerdictOfAnUnknownNamedBucket() {
        Resource byVariable = resource("aws_s3_bucket", "by_var", map("bucket", Unknown.VALUE), Map.of());
        Resource literal = resource("aws_s3_bucket", "literal", map("bucket", "logs"), Map.of());
        Resource config = resource("aws_s3_bucket_versioning", "v", map("bucket", Unknown.VALUE,
                "versioning_configuration", List.of(map("status", "Enabled"))), Map.of());
        PolicyResult result = run(VERSIONING, byVariable, literal, config);
        assertEquals(List.of("aws_s3_bucket.literal"), result.findings().stream().map(Finding::resource).toList());
        assertEquals(1, result.unknown().size());
    }

    @Test
    void forEachInstancesSeeTheReferrerOfTheirOwnKey() {
        Resource a = new Resource("terraform", "aws_s3_bucket", "aws_s3_bucket.b[\"a\"]", "main.tf", 1, 3,
                map("bucket", "a"), Map.of(), Set.of());
        Resource b = new Resource("terraform", "aws_s3_bucket", "aws_s3_bucket.b[\"b\"]", "main.tf", 1, 3,
                map("bucket", "b"), Map.of(), Set.of());
        Resource va = new Resource("terraform", "aws_s3_bucket_versioning", "aws_s3_bucket_versioning.v[\"a\"]",
                "main.tf", 5, 9, map("versioning_configuration", List.of(map("status", "Enabled"))), Map.of(),
                Set.of("aws_s3_bucket.b"));
        Resource vb = new Resource("terraform", "aws_s3_bucket_versioning", "aws_s3_bucket_versioning.v[\"b\"]",
                "main.tf", 5, 9, map("versioning_configuration", List.of(map("status", "Suspended"))), Map.of(),
                Set.of("aws_s3_bucket.b"));
        PolicyResult result = run(VERSIONING, a, b, va, vb);
        assertEquals(List.of("aws_s3_bucket.b[\"b\"]"), result.findings().stream().map(Finding::resource).toList());
    }

    @Test
    void anEvaluationErrorIsRecordedAndGivesNoFinding() {
        Rule fragile = rule("TG-T-ERR-1", """
                - format: terraform
                  types: [aws_kms_key]
                  condition: "resource.enable_key_rotation != true"
                """);
        PolicyResult result = run(fragile, resource("aws_kms_key", "k", map(), Map.of()));
        assertTrue(result.findings().isEmpty());
        assertEquals(1, result.ruleErrors().size());
        assertEquals("TG-T-ERR-1", result.ruleErrors().get(0).ruleId());
    }

    @Test
    void jsonFunctionReadsPolicyDocumentsAndToleratesGarbage() {
        Rule admin = rule("TG-T-IAM-1", """
                - format: terraform
                  types: [aws_iam_policy]
                  condition: >
                    as_list(json(resource.?policy.orValue('')).?Statement.orValue([])).exists(s,
                      s.?Effect.orValue('Allow') == 'Allow' && '*' in as_list(s.?Action.orValue([])))
                """);
        PolicyResult result = run(admin,
                resource("aws_iam_policy", "bad", map("policy", "{\"Statement\":{\"Action\":\"*\"}}"), Map.of()),
                resource("aws_iam_policy", "deny",
                        map("policy", "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"*\"]}]}"), Map.of()),
                resource("aws_iam_policy", "garbage", map("policy", "{not json"), Map.of()),
                resource("aws_iam_policy", "deep", map("policy", "[".repeat(5000)), Map.of()),
                resource("aws_iam_policy", "unknown", map("policy", Unknown.VALUE), Map.of()));
        assertEquals(List.of("aws_iam_policy.bad"), result.findings().stream().map(Finding::resource).toList());
        assertTrue(result.ruleErrors().isEmpty(), result.ruleErrors().toString());
    }

    @Test
    void secretTargetsReportDetectorHitsOfTheirKinds() {
        Rule secret = rule("TG-T-SEC-1", """
                - format: any
                  secret: [aws-access-key]
                """);
        SourceFile file = new SourceFile("app/config.yml", "key: x\n");
        PolicyEngine engine = new PolicyEngine(List.of(secret), f -> List.of(
                new SecretHit("aws-access-key", 1, 6, 1, "aws-access-key AKIA****"),
                new SecretHit("slack-token", 1, 6, 1, "slack-token xoxb****")));
        List<Finding> findings = engine.evaluate(List.of(), List.of(file));
        assertEquals(1, findings.size());
        assertEquals("app/config.yml", findings.get(0).resource());
        assertEquals(1, findings.get(0).startLine());
        assertTrue(findings.get(0).message().contains("AKIA****"));
    }

    @Test
    void unavailableSecretDetectorIsNotAnError() {
        Rule secret = rule("TG-T-SEC-1", "- format: any\n  secret: private-key\n");
        PolicyEngine engine = new PolicyEngine(List.of(secret), f -> {
            throw new UnsupportedOperationException("not yet");
        });
        PolicyResult result = engine.run(List.of(), List.of(new SourceFile("a.tf", "")));
        assertTrue(result.findings().isEmpty());
        assertTrue(result.ruleErrors().isEmpty());
    }

    @Test
    void invalidRulesNameTheFileAndTheField() {
        RuleLoadException badSeverity = assertThrows(RuleLoadException.class, () -> RuleLoader.parse(
                "rules/x/TG-X-1.yaml", "id: TG-X-1\ntitle: t\nseverity: urgent\ncategory: c\ndescription: d\n"
                        + "remediation: r\ntargets: [{format: terraform, types: [a], condition: 'true'}]\n",
                List.of()));
        assertTrue(badSeverity.getMessage().startsWith("rules/x/TG-X-1.yaml: field 'severity'"),
                badSeverity.getMessage());
        RuleLoadException badCel = assertThrows(RuleLoadException.class, () -> rule("TG-X-2",
                "- format: terraform\n  types: [a]\n  condition: 'resource.x =='\n"));
        assertTrue(badCel.getMessage().contains("field 'targets[0].condition'"), badCel.getMessage());
        RuleLoadException missing = assertThrows(RuleLoadException.class, () -> RuleLoader.parse(
                "rules/x/TG-X-3.yaml", "id: TG-X-3\ntitle: t\nseverity: low\ncategory: c\ndescription: d\n"
                        + "remediation: r\ntargets: [{format: terraform, condition: 'true'}]\n", List.of()));
        assertTrue(missing.getMessage().contains("field 'targets[0].types'"), missing.getMessage());
        RuleLoadException wrongName = assertThrows(RuleLoadException.class, () -> RuleLoader.parse(
                "rules/x/OTHER.yaml", "id: TG-X-4\ntitle: t\nseverity: low\ncategory: c\ndescription: d\n"
                        + "remediation: r\ntargets: [{format: terraform, types: [a], condition: 'true'}]\n",
                List.of()));
        assertTrue(wrongName.getMessage().contains("field 'id'"), wrongName.getMessage());
        RuleLoadException unknownField = assertThrows(RuleLoadException.class, () -> rule("TG-X-5",
                "- format: terraform\n  types: [a]\n  condition: 'true'\n  conditon: 'false'\n"));
        assertTrue(unknownField.getMessage().contains("field 'targets[0].conditon'"), unknownField.getMessage());
    }

    @Test
    void aTargetsRemediationReplacesTheRulesOnThatTargetsFindingsOnly() {
        Rule rotation = rule("TG-T-KMS-2", """
                - format: terraform
                  types: [aws_kms_key]
                  condition: "resource.?enable_key_rotation.orValue(false) != true"
                - format: cloudformation
                  types: ["AWS::KMS::Key"]
                  condition: "resource.?EnableKeyRotation.orValue(false) != true"
                  remediation: Set EnableKeyRotation to true.
                """);
        Resource terraformKey = resource("aws_kms_key", "k", map(), Map.of());
        Resource cloudFormationKey = new Resource("cloudformation", "AWS::KMS::Key", "Key", "stack.yaml", 1, 5,
                map(), Map.of(), Set.of());
        PolicyResult result = new PolicyEngine(List.of(rotation), f -> List.of())
                .run(List.of(terraformKey, cloudFormationKey), List.of());
        assertTrue(result.ruleErrors().isEmpty(), result.ruleErrors().toString());
        Map<String, String> remediationByFile = new HashMap<>();
        result.findings().forEach(f -> remediationByFile.put(f.file(), f.remediation()));
        assertEquals(Map.of("main.tf", "Fix it.", "stack.yaml", "Set EnableKeyRotation to true."),
                remediationByFile);
    }

    @Test
    void aTargetsRemediationMustBeText() {
        RuleLoadException empty = assertThrows(RuleLoadException.class, () -> rule("TG-X-6",
                "- format: terraform\n  types: [a]\n  condition: 'true'\n  remediation: ''\n"));
        assertTrue(empty.getMessage().contains("field 'targets[0].remediation'"), empty.getMessage());
        RuleLoadException list = assertThrows(RuleLoadException.class, () -> rule("TG-X-7",
                "- format: terraform\n  types: [a]\n  condition: 'true'\n  remediation: [a, b]\n"));
        assertTrue(list.getMessage().contains("field 'targets[0].remediation'"), list.getMessage());
    }
}
