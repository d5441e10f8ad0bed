package dev.tollgate.iac.tfplan;

import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.Unknown;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.PolicyEngine;
import dev.tollgate.policy.PolicyResult;
import dev.tollgate.policy.RuleLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerraformPlanReaderTest {

    private static final String PATH = "plans/web.tfplan.json";
    private final TerraformPlanReader reader = new TerraformPlanReader();

    @Test
    void acceptsJsonButNotTerraformJsonSyntax() {
        assertTrue(reader.accepts("plans/web.tfplan.json"));
        assertTrue(reader.accepts("tfplan.json"));
        assertTrue(reader.accepts("out/anything.json"));
        assertFalse(reader.accepts("main.tf.json"));
        assertFalse(reader.accepts("prod.auto.tfvars.json"));
        assertFalse(reader.accepts("main.tf"));
    }

    @Test
    void readsPlannedResourcesWithTerraformAddresses() throws IOException {
        ParsedFiles parsed = read();
        assertEquals(List.of(), parsed.errors());
        assertEquals(List.of("aws_s3_bucket.logs", "aws_s3_bucket_versioning.logs", "aws_instance.web[0]",
                        "aws_instance.web[1]", "aws_db_instance.main",
                        "module.vpc[\"eu\"].aws_security_group.sg[\"web\"]",
                        "module.vpc[\"eu\"].module.flow.aws_flow_log.this"),
                parsed.resources().stream().map(Resource::address).toList());
        assertTrue(parsed.resources().stream().allMatch(r -> r.format().equals("terraform") && r.file().equals(PATH)));
    }

    @Test
    void unknownAfterApplyAndSensitiveValuesAreUnknown() throws IOException {
        ParsedFiles parsed = read();
        Resource bucket = resource(parsed, "aws_s3_bucket.logs");
        assertEquals("acme-web-logs", bucket.attributes().get("bucket"));
        assertEquals(Unknown.VALUE, bucket.attributes().get("arn"), "after_unknown adds the key the plan left out");
        assertEquals(Unknown.VALUE, bucket.attributes().get("versioning"));
        assertEquals(Map.of("team", "web"), bucket.attributes().get("tags"));
        Resource db = resource(parsed, "aws_db_instance.main");
        assertEquals(Unknown.VALUE, db.attributes().get("password"), "sensitive values are masked");
        assertEquals(true, db.attributes().get("storage_encrypted"));
        assertEquals(Unknown.VALUE, resource(parsed, "aws_instance.web[0]").attributes().get("metadata_options"));
        assertEquals(List.of(), resource(parsed, "aws_instance.web[1]").attributes().get("metadata_options"),
                "an instance without a change entry keeps its planned value");
    }

    @Test
    void nestedBlocksAreListsOfMapsWithLines() throws IOException {
        String text = fixture();
        ParsedFiles parsed = read();
        Resource sg = resource(parsed, "module.vpc[\"eu\"].aws_security_group.sg[\"web\"]");
        List<?> ingress = (List<?>) sg.attributes().get("ingress");
        assertEquals(List.of("0.0.0.0/0"), ((Map<?, ?>) ingress.get(1)).get("cidr_blocks"));
        assertEquals(lineOf(text, "\"cidr_blocks\": [\"0.0.0.0/0\"]", 1), sg.lines().get("ingress[1].cidr_blocks"));
        assertEquals(lineOf(text, "\"address\": \"module.vpc[\\\"eu\\\"].aws_security_group", 1) - 1, sg.startLine());
        Resource bucket = resource(parsed, "aws_s3_bucket.logs");
        assertEquals(lineOf(text, "\"bucket\": \"acme-web-logs\"", 1), bucket.lines().get("bucket"));
        assertEquals(lineOf(text, "\"address\": \"aws_s3_bucket.logs\"", 1) - 1, bucket.startLine());
        assertTrue(bucket.endLine() > bucket.startLine() + 10);
    }

    @Test
    void referencesComeFromTheConfigurationWithModulePaths() throws IOException {
        ParsedFiles parsed = read();
        assertEquals(Set.of("aws_s3_bucket.logs"), resource(parsed, "aws_s3_bucket_versioning.logs").references());
        assertEquals(Set.of("module.vpc.aws_vpc.main"),
                resource(parsed, "module.vpc[\"eu\"].aws_security_group.sg[\"web\"]").references());
        assertEquals(Set.of(), resource(parsed, "aws_instance.web[0]").references(), "var.* is not a resource");
    }

    @Test
    void terraformRulesApplyUnchanged() throws IOException {
        ParsedFiles parsed = read();
        PolicyResult result = new PolicyEngine(RuleLoader.builtIn(), file -> List.of())
                .run(parsed.resources(), List.of(new SourceFile(PATH, fixture())));
        Finding ssh = result.findings().stream().filter(f -> f.ruleId().equals("TG-AWS-EC2-001")).findFirst()
                .orElseThrow(() -> new AssertionError("no SSH finding in " + result.findings()));
        assertEquals("module.vpc[\"eu\"].aws_security_group.sg[\"web\"]", ssh.resource());
        assertEquals(PATH, ssh.file());
        assertEquals(lineOf(fixture(), "\"cidr_blocks\": [\"0.0.0.0/0\"]", 1), ssh.startLine());
        assertTrue(result.findings().stream().noneMatch(f -> f.resource().equals("aws_db_instance.main")
                        && f.message().contains("hunter2")), "a sensitive value never reaches a message");
    }

    @Test
    void moduleEndSkipsInstanceKeys() {
        String address = "module.a[\"x.y\"].module.b.aws_s3_bucket.c[0]";
        assertEquals("module.a[\"x.y\"].module.b.".length(), TerraformPlanReader.moduleEnd(address));
        assertEquals(0, TerraformPlanReader.moduleEnd("aws_s3_bucket.c"));
    }

    @Test
    void otherJsonIsNotClaimedAndABrokenPlanIsAnError() {
        ParsedFiles other = reader.read(List.of(
                new SourceFile("package.json", "{\"name\": \"web\", \"version\": \"1.0.0\"}"),
                new SourceFile("state.json", "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {}}}"),
                new SourceFile("schema.json", "{\"format_version\": \"1.0\", \"provider_schemas\": {}}"),
                new SourceFile("notes.json", "not json at all, mentions \"format_version\" and \"planned_values\"")));
        assertEquals(List.of(), other.resources());
        assertEquals(List.of(), other.errors());

        ParsedFiles broken = reader.read(List.of(new SourceFile("plan.json",
                "{\n  \"format_version\": \"1.2\",\n  \"planned_values\": {\n    \"root_module\": {,\n")));
        assertEquals(1, broken.errors().size());
        assertEquals(4, broken.errors().get(0).line());
    }

    @Test
    void deepNestingIsAnErrorNotACrash() {
        String deep = "{\"format_version\":\"1.2\",\"planned_values\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        ParsedFiles parsed = reader.read(List.of(new SourceFile("deep.tfplan.json", deep)));
        assertEquals(1, parsed.errors().size());
        assertNotNull(parsed.errors().get(0).message());
    }

    private ParsedFiles read() throws IOException {
        return reader.read(List.of(new SourceFile(PATH, fixture())));
    }

    private static String fixture() throws IOException {
        try (InputStream in = TerraformPlanReaderTest.class.getResourceAsStream("/tfplan/web.tfplan.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** 1-based line of the n-th occurrence of {@code needle}. */
    private static int lineOf(String text, String needle, int occurrence) {
        int at = -1;
        for (int i = 0; i < occurrence; i++) {
            at = text.indexOf(needle, at + 1);
            assertTrue(at >= 0, needle + " not in the fixture");
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Resource resource(ParsedFiles parsed, String address) {
        return parsed.resources().stream().filter(r -> r.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + address));
    }
}
