package dev.tollgate.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the bot. Configuration comes from the environment (README.md):",
                "PORT, TOLLGATE_GITHUB_WEBHOOK_SECRET and TOLLGATE_GITHUB_APP_ID + TOLLGATE_GITHUB_PRIVATE_KEY",
                "or TOLLGATE_GITHUB_TOKEN; TOLLGATE_GITHUB_API_URL for GitHub Enterprise Server."})
final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("serve is wired once the review planner lands");
    }
}
