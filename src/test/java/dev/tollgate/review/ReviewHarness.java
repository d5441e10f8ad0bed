package dev.tollgate.review;

import dev.tollgate.forge.PullRequestRef;
import dev.tollgate.forge.github.GitHubClients;
import dev.tollgate.forge.github.GitHubForge;
import dev.tollgate.forge.github.GitHubSettings;
import dev.tollgate.forge.github.fake.Corpus;
import dev.tollgate.forge.github.fake.FakeGitHub;
import dev.tollgate.jobs.ReviewJob;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The fake GitHub, a token-authenticated {@link GitHubForge} pointed at it, and a {@link ReviewService} with an
 * injected scanner and planner. The integrator swaps in {@code Scanner} and the real planner here.
 */
final class ReviewHarness<C> implements AutoCloseable {

    static final String TOKEN = "ghp_test_token";
    final FakeGitHub github;
    final GitHubForge forge;
    final ReviewService<C> service;

    ReviewHarness(ScanFunction scanner, ReviewPlanner<C> planner) throws Exception {
        github = new FakeGitHub("acme/infra", 7, Corpus.openApiSubset());
        github.acceptToken(TOKEN);
        GitHubSettings settings = GitHubSettings.fromEnvironment(Map.of(
                "TOLLGATE_GITHUB_API_URL", github.apiUrl(),
                "TOLLGATE_GITHUB_WEBHOOK_SECRET", "s3cret",
                "TOLLGATE_GITHUB_TOKEN", TOKEN));
        forge = new GitHubForge(new GitHubClients(settings));
        service = new ReviewService<>(forge, scanner, planner,
                Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC));
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
