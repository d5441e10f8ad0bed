package dev.tollgate.cli;

import dev.tollgate.iac.ScanError;
import dev.tollgate.review.ScanReport;
import dev.tollgate.review.Scanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan IaC files or directories and print the findings.",
                "Reads Terraform (.tf, .tf.json, .tfvars, plan JSON), CloudFormation, Kubernetes manifests and "
                        + "Dockerfiles. Exit 0 when nothing blocks, 1 when a finding blocks, 2 on usage errors or "
                        + "when a file could not be read (and nothing blocks)."})
final class ScanCommand implements Callable<Integer> {

    enum Format { text, json, sarif }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to scan.")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "A directory of extra rules (YAML); a rule with a built-in id replaces it.")
    Path rulesDir;

    @Option(names = "--max-exception-days", defaultValue = "90", paramLabel = "DAYS",
            description = "Longest allowed exception window in days (default: ${DEFAULT-VALUE}).")
    int maxExceptionDays;

    @Override
    public Integer call() throws IOException {
        if (maxExceptionDays < 1 || maxExceptionDays > 365) {
            throw new IllegalArgumentException("--max-exception-days must be between 1 and 365");
        }
        FileCollector collector = new FileCollector();
        for (Path path : paths) {
            collector.add(path);
        }
        if (collector.files().isEmpty() && collector.errors().isEmpty()) {
            System.err.println("tollgate: no IaC files found in " + paths
                    + " (Terraform, CloudFormation, Kubernetes, Dockerfile); nothing was scanned");
        }
        ScanReport scanned = Scanner.create(rulesDir).scan(collector.files(), LocalDate.now(), maxExceptionDays);
        List<ScanError> errors = new ArrayList<>(collector.errors());
        errors.addAll(scanned.errors());
        ScanReport report = new ScanReport(scanned.findings(), errors, scanned.skipped(),
                collector.files().size() + collector.errors().size());
        System.out.print(switch (format) {
            case text -> TextReport.render(report);
            case json -> JsonReport.render(report) + "\n";
            case sarif -> SarifReport.render(report, Version.current()) + "\n";
        });
        if (ReportSummary.of(report).blocking() > 0) {
            return Main.BLOCKED;
        }
        // A file that could not be read is never a silent pass.
        return report.errors().isEmpty() ? Main.OK : Main.USAGE;
    }
}
