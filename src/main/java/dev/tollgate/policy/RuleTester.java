package dev.tollgate.policy;

import dev.tollgate.iac.IacReader;
import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.secrets.SecretDetector;
import dev.tollgate.policy.secrets.SecretHit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs every rule's examples ({@code tollgate rules test}): each {@code fail*} file must give at least one
 * finding of its rule, each {@code pass*} file none. Every example file is read and judged on its own.
 */
public final class RuleTester {

    public enum Outcome { PASSED, FAILED, SKIPPED }

    /** One example of one rule; {@code detail} says what went wrong (or why it was skipped). */
    public record Result(String ruleId, String example, boolean shouldFail, int findings, Outcome outcome,
                         String detail) {
    }

    private final List<IacReader> readers;
    private final Function<SourceFile, List<SecretHit>> secretScanner;

    public RuleTester(List<IacReader> readers) {
        this(readers, file -> new SecretDetector().scan(file));
    }

    public RuleTester(List<IacReader> readers, Function<SourceFile, List<SecretHit>> secretScanner) {
        this.readers = List.copyOf(readers);
        this.secretScanner = secretScanner;
    }

    public List<Result> test(List<Rule> rules) {
        List<Result> results = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.examples().stream().noneMatch(RuleExample::shouldFail)) {
                results.add(new Result(rule.id(), rule.source(), true, 0, Outcome.FAILED, "no fail* example"));
            }
            if (rule.examples().stream().allMatch(RuleExample::shouldFail)) {
                results.add(new Result(rule.id(), rule.source(), false, 0, Outcome.FAILED, "no pass* example"));
            }
            for (RuleExample example : rule.examples()) {
                results.add(test(rule, example));
            }
        }
        return results;
    }

    private Result test(Rule rule, RuleExample example) {
        SourceFile file = example.file();
        boolean secretRule = rule.targets().stream().anyMatch(RuleTarget::isSecret);
        if (secretRule && !secretDetectorAvailable(file)) {
            return result(rule, example, 0, Outcome.SKIPPED, "secret detector not available in this build");
        }
        List<Resource> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (IacReader reader : readers) {
            if (reader.accepts(file.path())) {
                ParsedFiles parsed = reader.read(List.of(file));
                resources.addAll(parsed.resources());
                for (ScanError error : parsed.errors()) {
                    problems.add("line " + error.line() + ": " + error.message());
                }
            }
        }
        if (!problems.isEmpty()) {
            return result(rule, example, 0, Outcome.FAILED, "example cannot be read: " + problems);
        }
        PolicyResult run = new PolicyEngine(List.of(rule), secretScanner).run(resources, List.of(file));
        int findings = run.findings().size();
        if (!run.ruleErrors().isEmpty()) {
            return result(rule, example, findings, Outcome.FAILED, "rule error: " + run.ruleErrors().get(0).message());
        }
        boolean ok = example.shouldFail() ? findings > 0 : findings == 0;
        String detail = ok ? "" : example.shouldFail()
                ? "expected a finding, got none" + (run.unknown().isEmpty() ? "" : " (withheld as unknown)")
                : "expected no finding, got " + findings + " at lines "
                        + run.findings().stream().map(f -> String.valueOf(f.startLine())).toList();
        return result(rule, example, findings, ok ? Outcome.PASSED : Outcome.FAILED, detail);
    }

    private boolean secretDetectorAvailable(SourceFile file) {
        try {
            secretScanner.apply(file);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static Result result(Rule rule, RuleExample example, int findings, Outcome outcome, String detail) {
        return new Result(rule.id(), example.file().path(), example.shouldFail(), findings, outcome, detail);
    }

    /** One line per rule for {@code tollgate rules list}: id, severity, formats, title, checkov equivalents. */
    public static List<String> listing(List<Rule> rules) {
        List<String> lines = new ArrayList<>();
        for (Rule rule : rules) {
            List<String> formats = rule.targets().stream()
                    .map(t -> t.isSecret() ? "secrets" : t.format()).distinct().toList();
            List<String> checkov = rule.equivalents().getOrDefault("checkov", List.of());
            lines.add(String.format("%-18s %-8s %-22s %s%s", rule.id(), rule.severity().label(),
                    String.join(",", formats), rule.title(), checkov.isEmpty() ? "" : "  " + checkov));
        }
        return lines;
    }
}
