package dev.tollgate.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.tollgate.forge.BotComment;
import dev.tollgate.forge.ChangedFile;
import dev.tollgate.forge.FileContent;
import dev.tollgate.forge.Forge;
import dev.tollgate.forge.PullRequestInfo;
import dev.tollgate.forge.PullRequestRef;
import dev.tollgate.forge.ReviewDraft;
import dev.tollgate.forge.StatusReport;
import dev.tollgate.iac.IacFiles;
import dev.tollgate.iac.SourceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two directories seen as a pull request, so that {@code tollgate review} runs exactly the bot's review: the
 * base tree is the target branch, the head tree the pull request, and what would be posted is kept here.
 */
final class LocalForge implements Forge {
    static final String BASE = "base";
    static final String HEAD = "head";
    static final PullRequestRef PULL_REQUEST = new PullRequestRef("local/review", 1, null);

    private final Map<String, SourceFile> base;
    private final Map<String, SourceFile> head;
    /** Files of each tree that could not be read (too large, not text), by path: the bot reports them too. */
    private final Map<String, String> unreadableBase = new TreeMap<>();
    private final Map<String, String> unreadableHead = new TreeMap<>();
    private final String config;
    private ReviewDraft review;
    private StatusReport status;

    LocalForge(Path baseDir, Path headDir) throws IOException {
        this.base = collect(baseDir, unreadableBase);
        this.head = collect(headDir, unreadableHead);
        Path configFile = baseDir.resolve(".tollgate.yml");
        this.config = Files.isRegularFile(configFile) ? Files.readString(configFile) : null;
    }

    private static Map<String, SourceFile> collect(Path dir, Map<String, String> unreadable) throws IOException {
        FileCollector collector = new FileCollector();
        collector.addTree(dir);
        Map<String, SourceFile> files = new TreeMap<>();
        collector.files().forEach(f -> files.put(f.path(), f));
        collector.errors().forEach(e -> unreadable.put(e.file(), e.message()));
        return files;
    }

    ReviewDraft review() {
        return review;
    }

    StatusReport status() {
        return status;
    }

    @Override
    public PullRequestInfo pullRequest(PullRequestRef pr) {
        return new PullRequestInfo(true, false, HEAD, BASE, "main");
    }

    @Override
    public List<ChangedFile> changedFiles(PullRequestRef pr) {
        List<ChangedFile> changes = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(base.keySet());
        paths.addAll(head.keySet());
        paths.addAll(unreadableBase.keySet());
        paths.addAll(unreadableHead.keySet());
        for (String path : paths) {
            SourceFile before = base.get(path);
            SourceFile after = head.get(path);
            if (before != null && after != null && before.text().equals(after.text())) {
                continue;
            }
            boolean inBase = before != null || unreadableBase.containsKey(path);
            boolean inHead = after != null || unreadableHead.containsKey(path);
            ChangedFile.Status status = !inBase ? ChangedFile.Status.ADDED
                    : !inHead ? ChangedFile.Status.REMOVED : ChangedFile.Status.MODIFIED;
            changes.add(new ChangedFile(path, status, null, patch(path, before, after)));
        }
        return changes;
    }

    /** The hunks of a unified diff with three lines of context, without file headers, as GitHub gives them. */
    private static String patch(String path, SourceFile before, SourceFile after) {
        List<String> old = before == null ? List.of() : before.text().lines().toList();
        List<String> now = after == null ? List.of() : after.text().lines().toList();
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(path, path, old, DiffUtils.diff(old, now), 3);
        return String.join("\n", unified.subList(Math.min(2, unified.size()), unified.size()));
    }

    @Override
    public FileContent fileContent(PullRequestRef pr, String path, String ref) {
        if (path.equals(".tollgate.yml")) {
            return BASE.equals(ref) && config != null ? FileContent.text(path, config) : null;
        }
        String unreadable = (BASE.equals(ref) ? unreadableBase : unreadableHead).get(path);
        if (unreadable != null) {
            return FileContent.skipped(path, unreadable);
        }
        SourceFile file = tree(ref).get(path);
        return file == null ? null : FileContent.text(path, file.text());
    }

    @Override
    public List<String> listFiles(PullRequestRef pr, String directory, String ref) {
        TreeSet<String> paths = new TreeSet<>(tree(ref).keySet());
        paths.addAll((BASE.equals(ref) ? unreadableBase : unreadableHead).keySet());
        return paths.stream().filter(p -> IacFiles.directoryOf(p).equals(directory)).toList();
    }

    private Map<String, SourceFile> tree(String ref) {
        return BASE.equals(ref) ? base : head;
    }

    @Override
    public List<BotComment> botComments(PullRequestRef pr, String marker) {
        return List.of();
    }

    @Override
    public PostedReview postReview(PullRequestRef pr, String commitSha, ReviewDraft draft) {
        this.review = draft;
        return PostedReview.WITH_INLINE_COMMENTS;
    }

    @Override
    public void setStatus(PullRequestRef pr, String sha, StatusReport report) {
        this.status = report;
    }
}
