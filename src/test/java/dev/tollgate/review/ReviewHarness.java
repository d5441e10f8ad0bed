package dev.tollgate.review;

import dev.tollgate.forge.PullRequestRef;
import dev.tollgate.forge.github.GitHubClients;
import dev.tollgate.forge.github.GitHubForge;
import dev.tollgate.forge.github.GitHubSettings;
import dev.tollgate.forge.github.fake.Corpus;
import dev.tollgate.forge.github.fake.FakeGitHub;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.jobs.ReviewJob;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fake GitHub, a token-authenticated {@link GitHubForge} pointed at it, and the production review pipeline:
 * the real {@link Scanner} (built-in rules) and {@link TollgatePlanner}, as {@code serve} wires them. The scan is
 * wrapped only to record which paths were scanned on each call (head first, then base).
 */
final class ReviewHarness implements AutoCloseable {

    static final String TOKEN = "ghp_test_token";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    private static final Scanner SCANNER = Scanner.create(null); // rules compile once for all tests

    final FakeGitHub github;
    final GitHubForge forge;
    final ReviewService service;
    final List<List<String>> scannedPaths = new CopyOnWriteArrayList<>();

    ReviewHarness() throws Exception {
        this(ScanFunction.of(SCANNER));
    }

    /** With another scan, for tests about the service's control flow (e.g. a scan that fails). */
    ReviewHarness(ScanFunction scan) throws Exception {
        github = new FakeGitHub("acme/infra", 7, Corpus.openApiSubset());
        github.acceptToken(TOKEN);
        GitHubSettings settings = GitHubSettings.fromEnvironment(Map.of(
                "TOLLGATE_GITHUB_API_URL", github.apiUrl(),
                "TOLLGATE_GITHUB_WEBHOOK_SECRET", "s3cret",
                "TOLLGATE_GITHUB_TOKEN", TOKEN));
        forge = new GitHubForge(new GitHubClients(settings));
        ScanFunction recording = (files, today, maxDays) -> {
            scannedPaths.add(files.stream().map(SourceFile::path).toList());
            return scan.scan(files, today, maxDays);
        };
        service = new ReviewService(forge, recording, new TollgatePlanner(CLOCK), CLOCK);
    }

    PullRequestRef ref() {
        return new PullRequestRef(github.repository(), github.number(), null);
    }

    ReviewOutcome reviewHead() {
        return service.review(new ReviewJob(ref(), github.headSha(), "delivery", Instant.now()));
    }

    @Override
    public void close() {
        github.close();
    }
}
