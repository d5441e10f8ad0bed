package dev.tollgate.forge.github;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.forge.BotComment;
import dev.tollgate.forge.ChangedFile;
import dev.tollgate.forge.FileContent;
import dev.tollgate.forge.Forge;
import dev.tollgate.forge.InlineComment;
import dev.tollgate.forge.PullRequestInfo;
import dev.tollgate.forge.PullRequestRef;
import dev.tollgate.forge.ReviewDraft;
import dev.tollgate.forge.StatusReport;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestFileDetail;
import org.kohsuke.github.GHPullRequestReview;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.TollgateRawRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link Forge} on GitHub through org.kohsuke:github-api. The raw requests are the review (the library's builder
 * cannot send {@code side}) and the reply in a comment thread; they go through the same client.
 */
public final class GitHubForge implements Forge {

    private static final Logger LOG = LoggerFactory.getLogger(GitHubForge.class);
    static final int STATUS_DESCRIPTION_MAX = 140;
    static final int CHECK_TEXT_MAX = 65_535;
    private static final int PAGE_SIZE = 100;

    private final GitHubClients clients;
    private final Cache<String, GHRepository> repositories = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    public GitHubForge(GitHubClients clients) {
        this.clients = clients;
    }

    @Override
    public PullRequestInfo pullRequest(PullRequestRef pr) throws IOException {
        GHPullRequest pull = repository(pr).getPullRequest(pr.number());
        return new PullRequestInfo(pull.getState() == GHIssueState.OPEN, pull.isDraft(),
                pull.getHead().getSha(), pull.getBase().getSha(), pull.getBase().getRef());
    }

    @Override
    public List<ChangedFile> changedFiles(PullRequestRef pr) throws IOException {
        List<ChangedFile> files = new ArrayList<>();
        for (GHPullRequestFileDetail file : pullRequestHandle(pr).listFiles().withPageSize(PAGE_SIZE)) {
            files.add(new ChangedFile(file.getFilename(), status(file.getStatus()), file.getPreviousFilename(),
                    file.getPatch()));
        }
        return files;
    }

    @Override
    public FileContent fileContent(PullRequestRef pr, String path, String ref) throws IOException {
        GHContent content;
        try {
            content = repository(pr).getFileContent(path, ref);
        } catch (GHFileNotFoundException e) {
            return null;
        } catch (HttpException e) {
            if (e.getResponseCode() == 403 && String.valueOf(e.getMessage()).contains("too_large")) {
                // Older GitHub versions refuse large files with 403 too_large instead of encoding "none".
                return FileContent.skipped(path, "larger than GitHub's contents API serves: not scanned");
            }
            throw e;
        }
        if (!content.isFile()) {
            return null;
        }
        if (content.getSize() > MAX_FILE_BYTES) {
            return FileContent.skipped(path, "larger than " + (MAX_FILE_BYTES / 1024) + " KiB (" + content.getSize()
                    + " bytes): not scanned");
        }
        byte[] bytes;
        try (InputStream in = content.read()) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            return FileContent.skipped(path, "larger than " + (MAX_FILE_BYTES / 1024) + " KiB: not scanned");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return FileContent.text(path, text);
        } catch (CharacterCodingException e) {
            return FileContent.skipped(path, "not UTF-8 text: not scanned");
        }
    }

    @Override
    public List<String> listFiles(PullRequestRef pr, String directory, String ref) throws IOException {
        List<GHContent> entries;
        try {
            entries = repository(pr).getDirectoryContent(directory, ref);
        } catch (GHFileNotFoundException e) {
            return List.of();
        }
        return entries.stream().filter(GHContent::isFile).map(GHContent::getPath).toList();
    }

    @Override
    public List<BotComment> botComments(PullRequestRef pr, String marker) throws IOException {
        GHPullRequest pull = pullRequestHandle(pr);
        List<BotComment> found = new ArrayList<>();
        for (GHPullRequestReviewComment comment : pull.listReviewComments().withPageSize(PAGE_SIZE)) {
            if (contains(comment.getBody(), marker)) {
                found.add(new BotComment(BotComment.Kind.INLINE, comment.getId(), comment.getPath(),
                        Math.max(comment.getLine(), 0), comment.getBody(), Math.max(comment.getInReplyToId(), 0)));
            }
        }
        for (GHPullRequestReview review : pull.listReviews().withPageSize(PAGE_SIZE)) {
            if (contains(review.getBody(), marker)) {
                found.add(new BotComment(BotComment.Kind.REVIEW, review.getId(), null, 0, review.getBody()));
            }
        }
        for (GHIssueComment comment : pull.listComments().withPageSize(PAGE_SIZE)) {
            if (contains(comment.getBody(), marker)) {
                found.add(new BotComment(BotComment.Kind.CONVERSATION, comment.getId(), null, 0, comment.getBody()));
            }
        }
        return found;
    }

    @Override
    public PostedReview postReview(PullRequestRef pr, String commitSha, ReviewDraft review) throws IOException {
        GitHub gitHub = clients.clientFor(pr);
        String path = "/repos/" + pr.repository() + "/pulls/" + pr.number() + "/reviews";
        try {
            TollgateRawRequest.send(gitHub, "POST", path, reviewFields(commitSha, review.body(), review.comments()));
            return PostedReview.WITH_INLINE_COMMENTS;
        } catch (HttpException e) {
            if (e.getResponseCode() != 422 || review.comments().isEmpty()) {
                throw e;
            }
            LOG.warn("{}: review rejected (422: {}); posting its {} inline comments in the review body instead",
                    pr, oneLine(e.getMessage()), review.comments().size());
        }
        TollgateRawRequest.send(gitHub, "POST", path,
                reviewFields(commitSha, bodyWithComments(review), List.of()));
        return PostedReview.INLINE_COMMENTS_MOVED_TO_BODY;
    }

    @Override
    public void replyToComment(PullRequestRef pr, long commentId, String body) throws IOException {
        TollgateRawRequest.send(clients.clientFor(pr), "POST", "/repos/" + pr.repository() + "/pulls/" + pr.number()
                + "/comments/" + commentId + "/replies", Map.of("body", body));
    }

    @Override
    public void setStatus(PullRequestRef pr, String sha, StatusReport status) throws IOException {
        if (clients.isApp()) {
            createCheckRun(pr, sha, status);
        } else {
            repository(pr).createCommitStatus(sha, commitState(status.conclusion()), null,
                    truncate(status.title(), STATUS_DESCRIPTION_MAX), StatusReport.NAME);
        }
    }

    @Override
    public String adviceFor(Exception failure) {
        if (failure instanceof HttpException http && (http.getResponseCode() == 401 || http.getResponseCode() == 403)) {
            return "GitHub refused access (HTTP " + http.getResponseCode() + "). Check that the Tollgate App is "
                    + "installed on this repository with pull requests: write, checks: write, contents: read "
                    + "(or that the token has repo scope), then push again.";
        }
        return null;
    }

    /** github-api's check-run builder sends the first 50 annotations and PATCHes the rest in batches of 50. */
    private void createCheckRun(PullRequestRef pr, String sha, StatusReport status) throws IOException {
        GHCheckRunBuilder.Output output = new GHCheckRunBuilder.Output(
                truncate(status.title(), 255), truncate(status.summary(), CHECK_TEXT_MAX));
        for (StatusReport.Annotation a : status.annotations()) {
            output.add(new GHCheckRunBuilder.Annotation(a.path(), Math.max(1, a.startLine()),
                    Math.max(a.startLine(), a.endLine()), level(a.level()), truncate(a.message(), CHECK_TEXT_MAX))
                    .withTitle(truncate(a.title(), 255)));
        }
        repository(pr).createCheckRun(StatusReport.NAME, sha)
                .withStatus(GHCheckRun.Status.COMPLETED)
                .withConclusion(status.conclusion() == StatusReport.Conclusion.SUCCESS
                        ? GHCheckRun.Conclusion.SUCCESS : GHCheckRun.Conclusion.FAILURE)
                .withCompletedAt(new Date())
                .add(output)
                .create();
    }

    private static Map<String, Object> reviewFields(String commitSha, String body, List<InlineComment> comments) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("commit_id", commitSha);
        fields.put("body", body.isBlank() ? "Tollgate review" : body);
        fields.put("event", "COMMENT");
        if (!comments.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (InlineComment c : comments) {
                Map<String, Object> comment = new LinkedHashMap<>();
                comment.put("path", c.path());
                comment.put("line", c.line());
                comment.put("side", "RIGHT");
                comment.put("body", c.body());
                list.add(comment);
            }
            fields.put("comments", list);
        }
        return fields;
    }

    static String bodyWithComments(ReviewDraft review) {
        StringBuilder body = new StringBuilder(review.body());
        body.append("\n\n---\nThese findings could not be attached to lines of the diff:\n");
        for (InlineComment c : review.comments()) {
            body.append("\n**`").append(c.path()).append("` line ").append(c.line()).append("**\n\n")
                    .append(c.body()).append('\n');
        }
        return body.toString();
    }

    private GHRepository repository(PullRequestRef pr) throws IOException {
        String key = (pr.installationId() == null ? "" : pr.installationId() + ":") + pr.repository();
        GHRepository cached = repositories.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        GHRepository repository = clients.clientFor(pr).getRepository(pr.repository());
        repositories.put(key, repository);
        return repository;
    }

    private GHPullRequest pullRequestHandle(PullRequestRef pr) throws IOException {
        return repository(pr).getPullRequest(pr.number());
    }

    private static ChangedFile.Status status(String githubStatus) {
        try {
            return ChangedFile.Status.valueOf(githubStatus.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return ChangedFile.Status.MODIFIED;
        }
    }

    private static GHCommitState commitState(StatusReport.Conclusion conclusion) {
        return switch (conclusion) {
            case SUCCESS -> GHCommitState.SUCCESS;
            case FAILURE -> GHCommitState.FAILURE;
            case ERROR -> GHCommitState.ERROR;
        };
    }

    private static GHCheckRun.AnnotationLevel level(StatusReport.Annotation.Level level) {
        return switch (level) {
            case NOTICE -> GHCheckRun.AnnotationLevel.NOTICE;
            case WARNING -> GHCheckRun.AnnotationLevel.WARNING;
            case FAILURE -> GHCheckRun.AnnotationLevel.FAILURE;
        };
    }

    private static boolean contains(String body, String marker) {
        return body != null && body.contains(marker);
    }

    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    private static String oneLine(String text) {
        return text == null ? "" : truncate(text.replaceAll("\\s+", " "), 200);
    }
}
