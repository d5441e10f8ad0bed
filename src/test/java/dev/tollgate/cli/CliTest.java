package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user runs it: exit codes, output shapes, the example change in examples/. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void scanReportsTheExampleFindingsAsJsonAndBlocks() throws IOException {
        Run run = run("scan", "examples/head", "--format", "json");
        assertEquals(1, run.exit(), run.err());
        JsonNode report = JSON.readTree(run.out());
        int sshLine = lineOf("examples/head/network/main.tf", "cidr_blocks = [\"0.0.0.0/0\"]", 2);
        boolean ssh = false;
        for (JsonNode f : report.get("findings")) {
            if (f.get("rule").asText().equals("TG-AWS-EC2-001")) {
                ssh = true;
                assertEquals("examples/head/network/main.tf", f.get("file").asText());
                assertEquals(sshLine, f.get("start_line").asInt());
                assertEquals("aws_security_group.bastion", f.get("resource").asText());
                assertEquals("open", f.get("status").asText());
                assertTrue(f.get("equivalent").get("checkov").toString().contains("CKV_AWS_24"));
            }
        }
        assertTrue(ssh, "the SSH rule fires on the bastion: " + run.out());
        assertEquals(0, report.get("errors").size());
        assertTrue(report.get("summary").get("blocking").asInt() > 0);
    }

    @Test
    void anExceptionNextToTheResourceWaivesItsFinding() throws IOException {
        JsonNode report = JSON.readTree(run("scan", "examples/head", "--format", "json").out());
        JsonNode rds = null;
        for (JsonNode f : report.get("findings")) {
            if (f.get("rule").asText().equals("TG-AWS-RDS-002")) {
                rds = f;
            }
        }
        assertTrue(rds != null, "publicly_accessible = true is found");
        assertEquals("excepted", rds.get("status").asText());
        assertTrue(rds.get("status_detail").asText().contains("@acme/data"));
    }

    @Test
    void anUnreadableFileIsNeverASilentPass(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.tf"), "variable \"name\" {\n  default = \n}\n");
        Run run = run("scan", dir.toString(), "--format", "json");
        assertEquals(2, run.exit(), run.out());
        JsonNode error = JSON.readTree(run.out()).get("errors").get(0);
        assertTrue(error.get("file").asText().endsWith("broken.tf"));
        assertEquals(2, error.get("line").asInt());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("scan", "no/such/dir").exit());
        assertEquals(2, run("scan", "examples/head", "--format", "yaml").exit());
        assertEquals(2, run("review", "--base", "examples/base").exit());
        assertEquals(2, run("frobnicate").exit());
    }

    @Test
    void reviewPrintsTheCommentsTheBotWouldPostOnTheirLines() throws IOException {
        Run run = run("review", "--base", "examples/base", "--head", "examples/head");
        assertEquals(1, run.exit(), run.err());
        int sshLine = lineOf("examples/head/network/main.tf", "cidr_blocks = [\"0.0.0.0/0\"]", 2);
        int aclLine = lineOf("examples/head/storage.tf", "acl    = \"public-read\"", 1);
        assertTrue(run.out().contains("inline comment on network/main.tf:" + sshLine), run.out());
        assertTrue(run.out().contains("inline comment on storage.tf:" + aclLine), run.out());
        assertTrue(run.out().contains("```suggestion\n  acl    = \"private\"\n```"), "a one-click fix keeps indentation and alignment");
        assertTrue(run.out().contains("<!-- tollgate:TG-AWS-EC2-001:network/main.tf:aws_security_group.bastion -->"));
        assertTrue(run.out().contains("status `tollgate`: failure"));
        // the web security group was already open on 443 at the base: not this change's finding, not inline
        assertTrue(!run.out().contains("inline comment on network/main.tf:" + lineOf("examples/head/network/main.tf",
                "cidr_blocks = [\"0.0.0.0/0\"]", 1)), "an unchanged line gets no comment");
    }

    @Test
    void reviewBlocksOnAChangedFileThatIsNotText(@TempDir Path dir) throws IOException {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path head = Files.createDirectories(dir.resolve("head"));
        Files.write(head.resolve("main.tf"), "# caf\u00e9\nresource \"aws_ebs_volume\" \"v\" {}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Run run = run("review", "--base", base.toString(), "--head", head.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("`main.tf`") && run.out().contains("not UTF-8"), run.out());
    }

    @Test
    void aChangeToJsonThatIsNotIacIsNoIacChange(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("base"));
        Files.createDirectories(dir.resolve("head"));
        Files.writeString(dir.resolve("base/package.json"), "{\"name\": \"a\"}\n");
        Files.writeString(dir.resolve("head/package.json"), "{\"name\": \"b\"}\n");
        Run run = run("review", "--base", dir.resolve("base").toString(), "--head", dir.resolve("head").toString());
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("success — no IaC changes"), run.out());
    }

    @Test
    void reviewOfAnUnchangedTreeSucceedsWithNoIacChanges() {
        Run run = run("review", "--base", "examples/base", "--head", "examples/base");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("success — no IaC changes"), run.out());
    }

    @Test
    void inspectPrintsWhatTheParserRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("main.tf");
        Files.writeString(file, "# c\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n");
        Run run = run("inspect", file.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode block = JSON.readTree(run.out()).get(0).get("blocks").get(0);
        assertEquals("resource", block.get("type").asText());
        assertEquals(2, block.get("start_line").asInt());
        assertEquals(4, block.get("end_line").asInt());
        assertEquals("x", block.get("attributes").get(0).get("literal").asText());
    }

    @Test
    void inspectShowsTheResourcesOfOtherFormatsAndRefusesDirectories(@TempDir Path dir) throws IOException {
        Path dockerfile = dir.resolve("Dockerfile");
        Files.writeString(dockerfile, "FROM alpine:3.19\nUSER 10001\n");
        Run run = run("inspect", dockerfile.toString());
        assertEquals(0, run.exit(), run.out());
        JsonNode resource = JSON.readTree(run.out()).get(0).get("resources").get(0);
        assertEquals("dockerfile", resource.get("format").asText());
        assertEquals(2, resource.get("end_line").asInt());
        assertEquals(2, run("inspect", dir.toString()).exit(), "a directory is a usage error");
    }

    @Test
    void rulesAreListedWithTheirEquivalentsAndTheirExamplesPass() throws IOException {
        JsonNode rules = JSON.readTree(run("rules", "list", "--format", "json").out());
        assertTrue(rules.size() >= 30, "rule count " + rules.size());
        for (JsonNode rule : rules) {
            assertTrue(rule.get("id").asText().startsWith("TG-"));
            assertTrue(rule.get("formats").size() > 0, rule.toString());
        }
        Run test = run("rules", "test");
        assertEquals(0, test.exit(), test.out());
        assertTrue(test.out().contains(" 0 failed"), test.out());
    }

    @Test
    void sarifHasOneResultPerFinding() throws IOException {
        int findings = JSON.readTree(run("scan", "examples/head", "--format", "json").out()).get("findings").size();
        JsonNode sarif = JSON.readTree(run("scan", "examples/head", "--format", "sarif").out());
        assertEquals("2.1.0", sarif.get("version").asText());
        assertEquals(findings, sarif.get("runs").get(0).get("results").size());
        for (JsonNode rule : sarif.get("runs").get(0).get("tool").get("driver").get("rules")) {
            double score = Double.parseDouble(rule.get("properties").get("security-severity").asText());
            assertTrue(score > 0 && score <= 10, rule.toString());
        }
    }

    /** 1-based line of the n-th line containing {@code text}. */
    private static int lineOf(String file, String text, int occurrence) throws IOException {
        var lines = Files.readAllLines(Path.of(file));
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not found " + occurrence + " times in " + file);
    }
}
