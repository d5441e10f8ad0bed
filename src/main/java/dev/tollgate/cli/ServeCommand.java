package dev.tollgate.cli;

import dev.tollgate.review.ScanFunction;
import dev.tollgate.review.Scanner;
import dev.tollgate.review.TollgatePlanner;
import dev.tollgate.web.GitHubBot;
import picocli.CommandLine.Command;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the bot (GitHub webhooks on /webhooks/github).",
                "Configuration comes from the environment (README.md): PORT, TOLLGATE_GITHUB_WEBHOOK_SECRET, and "
                        + "TOLLGATE_GITHUB_APP_ID with TOLLGATE_GITHUB_PRIVATE_KEY or TOLLGATE_GITHUB_TOKEN; "
                        + "TOLLGATE_GITHUB_API_URL for GitHub Enterprise Server; "
                        + "TOLLGATE_DATABASE_URL (default: an H2 file under ./data) with TOLLGATE_DATABASE_USER and "
                        + "TOLLGATE_DATABASE_PASSWORD."})
final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        GitHubBot bot;
        try {
            bot = GitHubBot.start(System.getenv(), ScanFunction.of(Scanner.create(null)),
                    new TollgatePlanner(Clock.systemUTC()));
        } catch (IllegalStateException e) {
            System.err.println("tollgate serve: " + e.getMessage());
            return Main.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            stopped.countDown();
        }, "tollgate-shutdown"));
        System.err.println("tollgate: accepting GitHub webhooks on port " + bot.port() + " at /webhooks/github");
        stopped.await();
        return Main.OK;
    }
}
