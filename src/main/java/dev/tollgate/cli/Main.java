package dev.tollgate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tollgate} command line: the same pipeline as the bot, run locally. */
@Command(name = "tollgate",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Pull-request gate for Infrastructure-as-Code.",
        subcommands = {ScanCommand.class, InspectCommand.class, ReviewCommand.class, RulesCommand.class,
                ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit codes shared by the commands: 0 nothing blocks, 1 a finding blocks, 2 usage or input error. */
    static final int OK = 0;
    static final int BLOCKED = 1;
    static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            // The CLI prints its own results; the review service's progress lines are for the server log.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("tollgate: " + e.getMessage());
            return USAGE;
        });
        return cli.execute(args);
    }
}
