package dev.tollgate.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "review", mixinStandardHelpOptions = true, description = "Print the review the bot would post.")
final class ReviewCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("review is wired once the review planner lands");
    }
}
