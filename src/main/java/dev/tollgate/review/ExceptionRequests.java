package dev.tollgate.review;

import dev.tollgate.exception.ExceptionLedger;
import dev.tollgate.exception.ExceptionRequest;
import dev.tollgate.exception.RegisteredException;
import dev.tollgate.forge.BotComment;
import dev.tollgate.forge.Forge;
import dev.tollgate.forge.PullRequestInfo;
import dev.tollgate.forge.PullRequestRef;
import dev.tollgate.jobs.ExceptionReplyJob;
import dev.tollgate.jobs.ReviewJob;
import dev.tollgate.plan.Marker;
import dev.tollgate.plan.Markdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Exceptions requested by replying to the bot's finding comment ({@code /tollgate exception owner=… expires=…
 * reason="…"}): the finding comes from the comment replied to, the window from the base branch's
 * {@code .tollgate.yml}. A valid request is recorded and answered in the thread, and the pull request's head is
 * reviewed again; an invalid one is answered with exactly what is wrong, and changes nothing.
 */
public final class ExceptionRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionRequests.class);

    private final Forge forge;
    private final TollgatePlanner planner;
    private final ExceptionLedger register;
    private final Clock clock;

    public ExceptionRequests(Forge forge, TollgatePlanner planner, ExceptionLedger register, Clock clock) {
        this.forge = forge;
        this.planner = planner;
        this.register = register;
        this.clock = clock;
    }

    /** @return the review to run again (at the pull request's current head) when an exception was recorded */
    public Optional<ReviewJob> handle(ExceptionReplyJob reply) throws IOException {
        PullRequestRef pr = reply.pullRequest();
        String at = pr + " comment " + reply.commentId();
        PullRequestInfo info = forge.pullRequest(pr);
        if (!info.open()) {
            LOG.info("{}: exception request on a closed pull request, ignored", at);
            return Optional.empty();
        }
        BotComment finding = forge.botComments(pr, ReviewService.MARKER_PREFIX).stream()
                .filter(c -> c.kind() == BotComment.Kind.INLINE && c.id() == reply.inReplyToId())
                .findFirst().orElse(null);
        if (finding == null) {
            answer(pr, reply, "Tollgate records exceptions requested in reply to its own finding comments; this thread"
                    + " is not one. Reply to the Tollgate comment on the finding instead.");
            return Optional.empty();
        }
        Set<String> fingerprints = fingerprints(finding);
        if (fingerprints.isEmpty()) {
            answer(pr, reply, "This comment names no finding an exception can be recorded for by reply; add a"
                    + " `# tollgate:exception` comment next to the resource instead.");
            return Optional.empty();
        }
        int maxDays = planner.maxExceptionDays(planner.readConfig(
                ReviewService.text(forge.fileContent(pr, ReviewService.CONFIG_FILE, info.baseSha()))));
        LocalDate today = LocalDate.now(clock);
        ExceptionRequest request = ExceptionRequest.parse(reply.body(), today, maxDays);
        if (request == null) {
            LOG.info("{}: mentions {} without a request line, ignored", at, ExceptionRequest.COMMAND);
            return Optional.empty();
        }
        if (!request.isValid()) {
            StringBuilder body = new StringBuilder("The exception was not recorded:\n\n");
            request.problems().forEach(p -> body.append("- ").append(Markdown.text(p, 1_000)).append('\n'));
            body.append("\nReply again with all three, e.g.: `").append(ExceptionRequest.COMMAND)
                    .append(" owner=@your-team expires=").append(today.plusDays(Math.min(30, maxDays)))
                    .append(" reason=\"why this is acceptable\"`");
            answer(pr, reply, body.toString());
            LOG.info("{}: invalid exception request: {}", at, request.problems());
            return Optional.empty();
        }
        for (String fingerprint : fingerprints) {
            register.add(pr.repository(), reply.commentId(), new RegisteredException(fingerprint, request.owner(),
                    request.expires(), request.reason(), reply.author()));
        }
        answer(pr, reply, "Exception recorded for " + describe(fingerprints, finding.path()) + ": owner "
                + Markdown.code(request.owner(), 300) + ", until " + request.expires()
                + "; the check is being re-run.");
        LOG.info("{}: exception recorded for {} by {}", at, fingerprints, reply.author());
        return Optional.of(new ReviewJob(pr, info.headSha(), reply.deliveryId(), clock.instant()));
    }

    /** The fingerprints of the findings in a (possibly grouped) comment; hashed over-long keys cannot be recorded. */
    static Set<String> fingerprints(BotComment comment) {
        Set<String> fingerprints = new LinkedHashSet<>();
        for (String key : Marker.findAll(comment.body())) {
            if (!key.startsWith("sha256:")) {
                fingerprints.add(key.replaceFirst("#[0-9]+$", ""));
            }
        }
        return fingerprints;
    }

    /** "TG-AWS-S3-002 on `aws_s3_bucket.data`" per fingerprint (rule:file:resource, the file being the comment's). */
    private static String describe(Set<String> fingerprints, String path) {
        List<String> parts = fingerprints.stream().map(fingerprint -> {
            int colon = fingerprint.indexOf(':');
            String rule = colon < 0 ? fingerprint : fingerprint.substring(0, colon);
            String rest = colon < 0 ? "" : fingerprint.substring(colon + 1);
            String resource = path != null && rest.startsWith(path + ":") ? rest.substring(path.length() + 1) : rest;
            return Markdown.text(rule, 100) + " on " + Markdown.code(resource, 300);
        }).toList();
        return String.join(", ", parts);
    }

    private void answer(PullRequestRef pr, ExceptionReplyJob reply, String text) throws IOException {
        forge.replyToComment(pr, reply.inReplyToId(), text + "\n\n" + Marker.REPLY);
    }
}
