package dev.tollgate.review;

import dev.tollgate.exception.ExceptionLedger;
import dev.tollgate.exception.ExceptionResolver;
import dev.tollgate.iac.IacFiles;
import dev.tollgate.forge.BotComment;
import dev.tollgate.forge.ChangedFile;
import dev.tollgate.forge.FileContent;
import dev.tollgate.forge.Forge;
import dev.tollgate.forge.PullRequestInfo;
import dev.tollgate.forge.PullRequestRef;
import dev.tollgate.forge.ReviewDraft;
import dev.tollgate.forge.StatusReport;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.jobs.ReviewJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reviews one pull request at one head commit: fetch, scan head and base, plan, post one review, then the
 * status. The status is posted last and always (an error status when anything fails), so that admins can make
 * {@code tollgate} a required check.
 */
public final class ReviewService {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);

    /** Every comment and review the bot writes contains this (DESIGN.md: the hidden marker). */
    public static final String MARKER_PREFIX = "<!-- tollgate:";
    public static final String CONFIG_FILE = ".tollgate.yml";
    public static final String NO_IAC_CHANGES = "no IaC changes";
    /** Most files fetched per side (changed files plus module siblings); the rest are reported as skipped. */
    static final int MAX_FILES_PER_SIDE = 400;

    private final Forge forge;
    private final ScanFunction scanner;
    private final TollgatePlanner planner;
    private final Clock clock;
    private final ExceptionLedger register;

    public ReviewService(Forge forge, ScanFunction scanner, TollgatePlanner planner, Clock clock) {
        this(forge, scanner, planner, clock, ExceptionLedger.NONE);
    }

    /** @param register the exceptions requested by reply, applied to the head's findings like annotations */
    public ReviewService(Forge forge, ScanFunction scanner, TollgatePlanner planner, Clock clock,
                         ExceptionLedger register) {
        this.forge = forge;
        this.scanner = scanner;
        this.planner = planner;
        this.clock = clock;
        this.register = register;
    }

    public ReviewOutcome review(ReviewJob job) {
        PullRequestRef pr = job.pullRequest();
        String sha = job.headSha();
        String at = pr + " @" + abbreviate(sha);
        StatusReport status;
        boolean posted = false;
        ReviewOutcome.Kind kind;
        try {
            PullRequestInfo info = forge.pullRequest(pr);
            if (!info.open()) {
                LOG.info("{}: pull request closed, nothing to do", at);
                return new ReviewOutcome(ReviewOutcome.Kind.CLOSED, null, false);
            }
            if (!info.headSha().equals(sha)) {
                LOG.info("{}: superseded by head {}, skipped", at, abbreviate(info.headSha()));
                return new ReviewOutcome(ReviewOutcome.Kind.SUPERSEDED, null, false);
            }
            List<ChangedFile> iacChanges = forge.changedFiles(pr).stream()
                    .filter(f -> IacFiles.isIac(f.path()) || (f.basePath() != null && IacFiles.isIac(f.basePath())))
                    .toList();
            if (iacChanges.isEmpty()) {
                LOG.info("{}: {}", at, NO_IAC_CHANGES);
                status = StatusReport.success(NO_IAC_CHANGES);
                kind = ReviewOutcome.Kind.NO_IAC_CHANGES;
            } else {
                TollgateConfig config = planner.readConfig(text(forge.fileContent(pr, CONFIG_FILE, info.baseSha())));
                int maxDays = planner.maxExceptionDays(config);
                LocalDate today = LocalDate.now(clock);
                Fetched headFiles = fetchHead(pr, sha, iacChanges);
                ScanReport head = withRegister(pr, scan(headFiles, today, maxDays), today, maxDays);
                ScanReport base = scan(fetchBase(pr, info.baseSha(), iacChanges), today, maxDays);
                List<BotComment> existing = forge.botComments(pr, MARKER_PREFIX);
                PlannedReview plan = planner.plan(config, head, base, iacChanges, existing, headFiles.files(), sha);
                if (!forge.pullRequest(pr).headSha().equals(sha)) {
                    LOG.info("{}: head moved during the review, leaving it to the newer job", at);
                    return new ReviewOutcome(ReviewOutcome.Kind.SUPERSEDED, null, false);
                }
                if (worthPosting(plan.review(), existing)) {
                    Forge.PostedReview how = forge.postReview(pr, sha, plan.review());
                    posted = true;
                    LOG.info("{}: review posted, {} inline comments{}", at, plan.review().comments().size(),
                            how == Forge.PostedReview.INLINE_COMMENTS_MOVED_TO_BODY ? " (moved into the body)" : "");
                }
                postReplies(pr, at, plan.replies());
                status = plan.status();
                kind = ReviewOutcome.Kind.REVIEWED;
                LOG.info("{}: {} IaC files changed, {} findings at head, {} scanned, {}: {}", at, iacChanges.size(),
                        head.findings().size(), head.filesScanned(), status.conclusion(), status.title());
            }
        } catch (Exception e) {
            LOG.error("{}: review failed: {}", at, rootCause(e));
            LOG.debug("{}: review failure trace", at, e);
            status = StatusReport.error("Tollgate could not review this commit", adviceFor(e));
            kind = ReviewOutcome.Kind.ERROR;
        }
        try {
            forge.setStatus(pr, sha, status);
        } catch (Exception e) {
            LOG.error("{}: could not post the {} status: {}", at, StatusReport.NAME, e.toString());
            return new ReviewOutcome(ReviewOutcome.Kind.ERROR, null, posted);
        }
        return new ReviewOutcome(kind, status, posted);
    }

    /** Replies are courtesy: one that fails is logged and neither stops the others nor the status. */
    private void postReplies(PullRequestRef pr, String at, List<PlannedReview.Reply> replies) {
        int posted = 0;
        for (PlannedReview.Reply reply : replies) {
            try {
                forge.replyToComment(pr, reply.commentId(), reply.body());
                posted++;
            } catch (Exception e) {
                LOG.warn("{}: could not reply in the thread of comment {}: {}", at, reply.commentId(), rootCause(e));
            }
        }
        if (posted > 0) {
            LOG.info("{}: {} resolved threads answered", at, posted);
        }
    }

    /**
     * The review of this job was interrupted again and again (the process stopped during it) and is given up: the
     * commit still gets its status, an error that says what to do, so a required check is never left pending.
     */
    public void giveUp(ReviewJob job) {
        try {
            forge.setStatus(job.pullRequest(), job.headSha(), StatusReport.error("Tollgate gave up reviewing this commit",
                    "The review stopped before it finished several times in a row (the server restarted during it)."
                            + " Push again or re-run the check; if it happens again, the server log says why."));
        } catch (Exception e) {
            LOG.error("{}: could not post the {} status of a given-up review: {}", job.pullRequest(),
                    StatusReport.NAME, rootCause(e));
        }
    }

    /**
     * Posting is worth it when there are inline comments, or a body that the bot has not already posted as a
     * review: a push that changes nothing in the findings must not add an identical summary every time.
     */
    static boolean worthPosting(ReviewDraft review, List<BotComment> existing) {
        if (!review.comments().isEmpty()) {
            return true;
        }
        if (review.body().isBlank()) {
            return false;
        }
        String body = review.body().strip();
        return existing.stream()
                .filter(c -> c.kind() == BotComment.Kind.REVIEW)
                .noneMatch(c -> c.body() != null && c.body().strip().equals(body));
    }

    private ScanReport withRegister(PullRequestRef pr, ScanReport report, LocalDate today, int maxDays) {
        List<dev.tollgate.exception.RegisteredException> entries = register.active(pr.repository(), today);
        if (entries.isEmpty()) {
            return report;
        }
        return new ScanReport(new ExceptionResolver().applyRegister(report.findings(), entries, today, maxDays),
                report.errors(), report.skipped(), report.filesScanned());
    }

    private ScanReport scan(Fetched fetched, LocalDate today, int maxDays) {
        ScanReport report = scanner.scan(fetched.files(), today, maxDays);
        if (fetched.skipped().isEmpty() && fetched.unreadable().isEmpty()) {
            return report;
        }
        List<ScanError> errors = new ArrayList<>(fetched.unreadable());
        errors.addAll(report.errors());
        List<Skipped> skipped = new ArrayList<>(report.skipped());
        skipped.addAll(fetched.skipped());
        return new ScanReport(report.findings(), errors, skipped, report.filesScanned());
    }

    /** Changed IaC files at the head commit, and the other Terraform files of their directories. */
    private Fetched fetchHead(PullRequestRef pr, String sha, List<ChangedFile> changes) throws IOException {
        Fetched fetched = new Fetched();
        Set<String> directories = new LinkedHashSet<>();
        for (ChangedFile change : changes) {
            if (change.existsAtHead() && IacFiles.isIac(change.path())) {
                fetched.add(change.path(), forge.fileContent(pr, change.path(), sha));
                if (IacFiles.isTerraform(change.path())) {
                    directories.add(IacFiles.directoryOf(change.path()));
                }
            }
        }
        fetchSiblings(pr, sha, directories, fetched, Map.of());
        return fetched;
    }

    /**
     * The same files at the base commit, with the Terraform files of the same directories (also for added files:
     * their siblings' findings already exist). A renamed file is read at its old path but scanned under its new one,
     * so that its findings keep their fingerprint and do not count as new.
     */
    private Fetched fetchBase(PullRequestRef pr, String sha, List<ChangedFile> changes) throws IOException {
        Fetched fetched = new Fetched();
        Set<String> directories = new LinkedHashSet<>();
        Map<String, String> renamedTo = new LinkedHashMap<>();
        for (ChangedFile change : changes) {
            if (IacFiles.isTerraform(change.path())) {
                directories.add(IacFiles.directoryOf(change.path()));
            }
            String basePath = change.basePath();
            if (basePath == null || !IacFiles.isIac(basePath)) {
                continue;
            }
            String scanPath = change.existsAtHead() ? change.path() : basePath;
            renamedTo.put(basePath, scanPath);
            fetched.add(scanPath, forge.fileContent(pr, basePath, sha));
            if (IacFiles.isTerraform(basePath)) {
                directories.add(IacFiles.directoryOf(basePath));
            }
        }
        fetchSiblings(pr, sha, directories, fetched, renamedTo);
        return fetched;
    }

    private void fetchSiblings(PullRequestRef pr, String sha, Set<String> directories, Fetched fetched,
                               Map<String, String> alreadyFetched) throws IOException {
        for (String directory : directories) {
            for (String path : forge.listFiles(pr, directory, sha)) {
                if (IacFiles.isTerraform(path) && !alreadyFetched.containsKey(path) && !fetched.has(path)) {
                    if (fetched.full()) {
                        fetched.skip(path, "more than " + MAX_FILES_PER_SIDE + " files in the changed modules: not scanned");
                    } else {
                        fetched.add(path, forge.fileContent(pr, path, sha));
                    }
                }
            }
        }
    }

    /** The text of the configuration file; null when absent; throws when it could not be read. */
    static String text(FileContent content) {
        if (content == null) {
            return null;
        }
        if (content.isSkipped()) {
            throw new IllegalStateException(CONFIG_FILE + " could not be read: " + content.skippedReason());
        }
        return content.text();
    }

    /** What an admin reads in the status when the review could not be done. */
    private String adviceFor(Exception e) {
        String platformAdvice = forge.adviceFor(e);
        if (platformAdvice != null) {
            return platformAdvice;
        }
        if (e instanceof IOException) {
            return "Tollgate could not talk to the platform (" + summary(e) + "). Push again or re-run the check; if it "
                    + "persists, see the Tollgate server log.";
        }
        return "Tollgate failed while reviewing (" + summary(e) + "). If " + CONFIG_FILE + " was changed on the "
                + "base branch, check it; otherwise see the Tollgate server log and push again.";
    }

    private static String summary(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\s+", " ");
        return message.length() > 200 ? message.substring(0, 199) + "…" : message;
    }

    private static String abbreviate(String sha) {
        return sha == null || sha.length() <= 8 ? String.valueOf(sha) : sha.substring(0, 8);
    }

    /**
     * Files read for one side of the comparison, with those that were not read and why. A file the forge would not
     * read (too large, not text) is an error on that file, as the scan reports a file it cannot parse: when the pull
     * request changes it, it blocks instead of passing unseen. Files left out for the per-side cap are skipped.
     */
    private static final class Fetched {
        private final Map<String, SourceFile> files = new LinkedHashMap<>();
        private final List<Skipped> skipped = new ArrayList<>();
        private final Map<String, ScanError> unreadable = new LinkedHashMap<>();

        void add(String scanPath, FileContent content) {
            if (content == null) {
                return;
            }
            if (full()) {
                skip(scanPath, "more than " + MAX_FILES_PER_SIDE + " files in the change: not scanned");
            } else if (content.isSkipped()) {
                unreadable.put(scanPath, new ScanError(scanPath, 0, 0, content.skippedReason()));
            } else {
                files.put(scanPath, new SourceFile(scanPath, content.text()));
            }
        }

        void skip(String path, String reason) {
            skipped.add(new Skipped(path, reason));
        }

        /** Whether the path was already fetched, readable or not (a changed file is also a module sibling). */
        boolean has(String path) {
            return files.containsKey(path) || unreadable.containsKey(path);
        }

        boolean full() {
            return files.size() >= MAX_FILES_PER_SIDE;
        }

        List<SourceFile> files() {
            return List.copyOf(files.values());
        }

        List<Skipped> skipped() {
            return skipped;
        }

        List<ScanError> unreadable() {
            return List.copyOf(unreadable.values());
        }
    }

    /** The innermost cause, in one line: what an operator can act on (a DNS failure, a 401 ...). */
    private static String rootCause(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause.getCause() != null && cause.getCause() != cause && depth < 20; depth++) {
            cause = cause.getCause();
        }
        String outer = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return cause == e ? outer : outer + " (cause: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
    }
}
