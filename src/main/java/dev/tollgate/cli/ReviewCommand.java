package dev.tollgate.cli;

import dev.tollgate.forge.InlineComment;
import dev.tollgate.forge.ReviewDraft;
import dev.tollgate.forge.StatusReport;
import dev.tollgate.jobs.ReviewJob;
import dev.tollgate.review.ReviewOutcome;
import dev.tollgate.review.ReviewService;
import dev.tollgate.review.ScanFunction;
import dev.tollgate.review.Scanner;
import dev.tollgate.review.TollgatePlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Print the review the bot would post for a change from one tree to another.",
                "Prints the inline comments with their file and line, the summary and the status conclusion; "
                        + ".tollgate.yml is read from the base tree. Exit 0 when nothing blocks, 1 when the status "
                        + "would fail, 2 on usage or input errors."})
final class ReviewCommand implements Callable<Integer> {

    @Option(names = "--base", required = true, paramLabel = "DIR", description = "The tree before the change.")
    Path base;

    @Option(names = "--head", required = true, paramLabel = "DIR", description = "The tree after the change.")
    Path head;

    @Option(names = "--rules", paramLabel = "DIR", description = "A directory of extra rules.")
    Path rulesDir;

    @Override
    public Integer call() throws Exception {
        LocalForge forge = new LocalForge(base, head);
        Clock clock = Clock.systemDefaultZone();
        ReviewService service = new ReviewService(forge, ScanFunction.of(Scanner.create(rulesDir)),
                new TollgatePlanner(clock), clock);
        ReviewOutcome outcome = service.review(
                new ReviewJob(LocalForge.PULL_REQUEST, LocalForge.HEAD, "local", Instant.now(clock)));
        print(forge.review());
        StatusReport status = forge.status();
        System.out.println("── status `" + StatusReport.NAME + "`: "
                + status.conclusion().name().toLowerCase(Locale.ROOT) + " — " + status.title());
        if (outcome.kind() == ReviewOutcome.Kind.ERROR) {
            System.out.println(status.summary());
            return Main.USAGE;
        }
        return status.conclusion() == StatusReport.Conclusion.SUCCESS ? Main.OK : Main.BLOCKED;
    }

    private static void print(ReviewDraft review) {
        if (review == null) {
            System.out.println("(no review would be posted)\n");
            return;
        }
        review.comments().stream()
                .sorted(Comparator.comparing(InlineComment::path).thenComparingInt(InlineComment::line))
                .forEach(c -> System.out.println("── inline comment on " + c.path() + ":" + c.line() + "\n\n"
                        + c.body().strip() + "\n"));
        System.out.println("── review body\n\n" + review.body().strip() + "\n");
    }
}
