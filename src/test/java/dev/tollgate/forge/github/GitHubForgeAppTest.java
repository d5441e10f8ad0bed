package dev.tollgate.forge.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.forge.ChangedFile;
import dev.tollgate.forge.FileContent;
import dev.tollgate.forge.PullRequestRef;
import dev.tollgate.forge.StatusReport;
import dev.tollgate.forge.github.fake.AppKeys;
import dev.tollgate.forge.github.fake.Corpus;
import dev.tollgate.forge.github.fake.FakeGitHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GitHubForge as a GitHub App with a PKCS#1 key (as GitHub issues them), against the fake. */
class GitHubForgeAppTest {

    static final long INSTALLATION = 4242;
    FakeGitHub github;
    GitHubForge forge;
    PullRequestRef pr;

    @BeforeEach
    void start() throws Exception {
        KeyPair keys = AppKeys.generate();
        github = new FakeGitHub("acme/infra", 3, Corpus.openApiSubset());
        // 299 s: already inside github-api's 5-minute refresh margin, so each request mints a fresh installation token
        github.actAsApp("12345", keys.getPublic(), INSTALLATION, 299);
        Path keyFile = Files.createTempFile("app", ".pem");
        Files.writeString(keyFile, AppKeys.pkcs1Pem((RSAPrivateCrtKey) keys.getPrivate()));
        forge = new GitHubForge(new GitHubClients(GitHubSettings.fromEnvironment(Map.of(
                "TOLLGATE_GITHUB_API_URL", github.apiUrl() + "/",
                "TOLLGATE_GITHUB_WEBHOOK_SECRET", "s",
                "TOLLGATE_GITHUB_APP_ID", "12345",
                "TOLLGATE_GITHUB_PRIVATE_KEY", keyFile.toString()))));
        pr = new PullRequestRef("acme/infra", 3, INSTALLATION);
        Files.delete(keyFile);
    }

    @AfterEach
    void stop() {
        assertEquals(List.of(), github.violations());
        github.close();
    }

    @Test
    void allPagesOfChangedFilesAndContentsAtRefsWithRefreshedInstallationTokens() throws Exception {
        Map<String, String> base = new HashMap<>();
        Map<String, String> head = new HashMap<>();
        for (int i = 0; i < 130; i++) {
            base.put("mod/f" + i + ".tf", "a = " + i + "\n");
            head.put("mod/f" + i + ".tf", "a = " + (i + 1) + "\n");
        }
        head.put("mod/sub/inner.tf", "x = 1\n");
        github.setBase(base);
        String headSha = github.pushHead(head);

        List<ChangedFile> files = forge.changedFiles(pr);
        FileContent atHead = forge.fileContent(pr, "mod/f7.tf", headSha);
        FileContent atBase = forge.fileContent(pr, "mod/f7.tf", github.baseSha());
        List<String> listing = forge.listFiles(pr, "mod", headSha);

        assertEquals(131, files.size());
        assertEquals("@@ -1,1 +1,1 @@\n-a = 0\n+a = 1", files.stream().filter(f -> f.path().equals("mod/f0.tf"))
                .findFirst().orElseThrow().patch());
        assertEquals(ChangedFile.Status.ADDED, files.stream().filter(f -> f.path().equals("mod/sub/inner.tf"))
                .findFirst().orElseThrow().status());
        long pages = github.requests().stream().filter(r -> r.path().endsWith("/pulls/3/files")).count();
        assertEquals(2, pages, "130 files at 100 per page");
        assertEquals("a = 8\n", atHead.text());
        assertEquals("a = 7\n", atBase.text());
        assertNull(forge.fileContent(pr, "mod/absent.tf", headSha));
        assertEquals(130, listing.size(), "files only, not the sub directory");
        assertTrue(github.tokensIssued() > 1, "short-lived installation tokens are renewed");
    }

    @Test
    void checkRunCarriesAllAnnotationsInBatchesOfFifty() throws Exception {
        github.setBase(Map.of("main.tf", "a = 1\n"));
        String sha = github.pushHead(Map.of("main.tf", "a = 2\n"));
        List<StatusReport.Annotation> annotations = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            annotations.add(new StatusReport.Annotation("main.tf", i, i, StatusReport.Annotation.Level.FAILURE, "TG-" + i, "finding " + i));
        }

        forge.setStatus(pr, sha, new StatusReport(StatusReport.Conclusion.FAILURE, "120 new findings", "summary", annotations));

        assertEquals(1, github.checkRuns().size());
        JsonNode run = github.checkRuns().get(0);
        assertEquals("tollgate", run.path("name").asText());
        assertEquals("failure", run.path("conclusion").asText());
        assertEquals(sha, run.path("head_sha").asText());
        assertEquals(120, run.path("output").path("annotations").size());
        for (JsonNode request : github.checkRunRequests()) {
            assertTrue(request.path("output").path("annotations").size() <= 50);
        }
        assertEquals(3, github.checkRunRequests().size(), "one POST and two PATCHes");
    }
}
