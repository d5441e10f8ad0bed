package dev.tollgate.policy.secrets;

import dev.tollgate.iac.SourceFile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretDetectorTest {

    // Test secrets are assembled from pieces so that this source file does not itself look like a leak.
    private static final String AWS_KEY_ID = "AKIA" + "Q3EGRT7ZWX4NPL2M";
    private static final String AWS_DOC_KEY_ID = "AKIA" + "IOSFODNN7" + "EXAMPLE";
    private static final String AWS_SECRET = "q8Zr+Lk2mW" + "pX7vN/4bTe" + "Hs9Ga1Dc5U" + "fy3RjQo6Ki";
    private static final String GITHUB = "gh" + "p_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private static final String GITLAB = "gl" + "pat-" + "Xy7Kq2Lm9Np4Rs8Tv1Wz";
    private static final String SLACK = "xo" + "xb-" + "2048113422-9834571256-ZqT4yWk8LmN2pR6vXs0C";
    private static final String STRIPE = "sk" + "_live_" + "51Hq8ZrLk2mWpX7vN4bTeHs9";
    private static final String GOOGLE = "AI" + "za" + "SyD4k9Lq2mX7vN-4bTeHs9Ga1Dc5Uf3RjQw";

    private final SecretDetector detector = new SecretDetector();

    private List<SecretHit> scan(String path, String text) {
        return detector.scan(new SourceFile(path, text));
    }

    private static List<String> kinds(List<SecretHit> hits) {
        return hits.stream().map(SecretHit::kind).toList();
    }

    @Test
    void awsKeyPairInTerraformProviderIsReportedAsKeyIdAndSecret() {
        String tf = "provider \"aws\" {\n"
                + "  access_key = \"" + AWS_KEY_ID + "\"\n"
                + "  secret_key = \"" + AWS_SECRET + "\"\n"
                + "}\n";
        List<SecretHit> hits = scan("main.tf", tf);
        assertEquals(List.of("aws-access-key", "aws-secret-key"), kinds(hits));
        assertEquals(2, hits.get(0).line());
        assertEquals(17, hits.get(0).column());
        assertEquals(3, hits.get(1).line());
        assertEquals("aws-access-key AKIA…", hits.get(0).redacted());
        assertFalse(hits.get(1).redacted().contains(AWS_SECRET.substring(4, 10)), "secret must not leak");
    }

    @Test
    void accessKeyIdAloneIsReportedAndTheDocumentationKeyCountsToo() {
        assertEquals(List.of("aws-access-key"), kinds(scan("a.yaml", "key: " + AWS_KEY_ID + "\n")));
        assertEquals(List.of("aws-access-key"), kinds(scan("b.tf", "x = \"" + AWS_DOC_KEY_ID + "\"\n")));
    }

    @Test
    void fortyCharacterStringWithoutKeyIdNearbyIsNotAnAwsSecret() {
        String far = "a = \"" + AWS_KEY_ID + "\"\n" + "\n".repeat(10) + "blob = \"" + AWS_SECRET + "\"\n";
        assertEquals(List.of("aws-access-key"), kinds(scan("c.tf", far)));
        String named = "aws_secret_access_key=" + AWS_SECRET + "\n";
        assertEquals(List.of("aws-secret-key"), kinds(scan("creds.env", named)));
    }

    @Test
    void gitShaIsNotASecretKey() {
        assertTrue(scan("m.tf", "a = \"" + AWS_KEY_ID + "\"\nref = \"" + "0123456789abcdef".repeat(2) + "01234567\"\n")
                .stream().noneMatch(h -> h.kind().equals("aws-secret-key")));
    }

    @Test
    void knownTokenFormatsAreRecognised() {
        String text = "github = \"" + GITHUB + "\"\n"
                + "gitlab: " + GITLAB + "\n"
                + "slack: '" + SLACK + "'\n"
                + "stripe = \"" + STRIPE + "\"\n"
                + "maps: " + GOOGLE + "\n";
        assertEquals(List.of("github-token", "gitlab-token", "slack-token", "stripe-key", "google-api-key"),
                kinds(scan("tokens.yaml", text)));
    }

    @Test
    void fineGrainedGithubTokenIsRecognised() {
        String pat = "github" + "_pat_" + "11ABCDEFG0aB3cD4eF5gH6_iJ7kL8mN9oP0qR1sT2uV3wX4yZ5aB6cD7eF8gH9iJ0kL1mN2oP3qR4s";
        assertEquals(List.of("github-token"), kinds(scan("x.sh", "export GH=" + pat + "\n")));
    }

    @Test
    void tokenPrefixInsideALongerWordOrWithPlaceholderBodyIsIgnored() {
        assertTrue(scan("a.tf", "name = \"myghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\"\n").isEmpty());
        assertTrue(scan("a.tf", "t = \"gh" + "p_" + "x".repeat(36) + "\"\n").isEmpty());
        assertTrue(scan("a.yaml", "slack: xo" + "xb-your-token-here-please\n").isEmpty());
    }

    @Test
    void pemPrivateKeyBlockIsOneHitSpanningToTheEndLine() {
        String pem = "resource \"tls\" \"k\" {\n  key = <<EOT\n-----BEGIN RSA PRIVATE KEY-----\n"
                + "MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\nZ1BjP5CE/Wm/Rr500P\n-----END RSA PRIVATE KEY-----\nEOT\n}\n";
        List<SecretHit> hits = scan("k.tf", pem);
        assertEquals(1, hits.size());
        assertEquals("private-key", hits.get(0).kind());
        assertEquals(3, hits.get(0).line());
        assertEquals(6, hits.get(0).endLine());
    }

    @Test
    void pemInJsonStringWithEscapedNewlinesIsFound() {
        String json = "{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n\"}";
        assertEquals(List.of("private-key"), kinds(scan("sa.json", json)));
    }

    @Test
    void pemHeaderWithoutBodyOrPublicKeyIsIgnored() {
        assertTrue(scan("README.md", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n").isEmpty());
        assertTrue(scan("a.pem", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n").isEmpty());
    }

    @Test
    void hardCodedHighEntropyPasswordIsReported() {
        List<SecretHit> hits = scan("db.tf", "  administrator_login_password = \"AdminPassword123!\"\n");
        assertEquals(List.of("generic-password"), kinds(hits));
        assertEquals(35, hits.get(0).column());
        assertEquals("generic-password Admi…", hits.get(0).redacted());
        assertEquals(List.of("generic-password"), kinds(scan("app.yaml", "  db_password: Zq8!rT4#kL9@wX2p\n")));
        assertEquals(List.of("generic-password"), kinds(scan("Dockerfile", "ENV API_TOKEN=Zq8rT4kL9wX2pM7n\n")));
        assertEquals(List.of("generic-password"), kinds(scan("c.json", "{ \"clientSecret\": \"Zq8rT4kL9wX2pM7n\" }\n")));
    }

    @Test
    void referencesPlaceholdersShortValuesAndNamesAreNeverReported() {
        String tf = String.join("\n",
                "variable \"db_password\" {",
                "  password = var.db_password",
                "  password = \"${var.db_password}\"",
                "  password = \"Aa12345678\"",
                "  password = \"changeme-changeme\"",
                "  password = \"<your-password-here>\"",
                "  password = \"********************\"",
                "  password = \"aaaaaaaaaaaaaaaa\"",
                "  password = \"\"",
                "  secret_name = \"prod/db/Zq8rT4kL9wX2pM7n\"",
                "  password_length = \"Zq8rT4kL9wX2pM7n\"",
                "  password = data.aws_secretsmanager_secret_version.db.secret_string",
                "}");
        assertEquals(List.of(), kinds(scan("vars.tf", tf)));
        String yaml = String.join("\n",
                "password: !Ref DbPasswordParameter",
                "token: \"{{ .Values.apiToken }}\"",
                "api_key: $API_KEY_FROM_ENVIRONMENT",
                "secret: REPLACE_ME_BEFORE_DEPLOY",
                "password: your-password-goes-here",
                "");
        assertEquals(List.of(), kinds(scan("t.yaml", yaml)));
    }

    @Test
    void hugeAndHostileLinesAreScannedInLinearTime() {
        String hostile = "password = \"" + "a=".repeat(400_000) + "\n"
                + "-----BEGIN ".repeat(50_000) + "\n"
                + ("AKIA" + "A".repeat(15) + " ").repeat(20_000) + "\n"
                + "x".repeat(2_000_000) + " " + AWS_KEY_ID + "\n";
        List<SecretHit> hits = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> scan("big.tf", hostile));
        assertEquals(List.of("aws-access-key"), kinds(hits).stream().distinct().toList());
        assertTrue(hits.size() <= SecretDetector.MAX_HITS_PER_FILE);
    }

    @Test
    void entropyOfUniformAndVariedStrings() {
        assertEquals(0.0, SecretDetector.entropy("aaaa"), 1e-9);
        assertEquals(2.0, SecretDetector.entropy("abcd"), 1e-9);
    }
}
