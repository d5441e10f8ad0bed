package dev.tollgate.review;

import dev.tollgate.exception.ExceptionResolver;
import dev.tollgate.iac.DeclaredException;
import dev.tollgate.iac.IacFiles;
import dev.tollgate.iac.IacReader;
import dev.tollgate.iac.IacReaders;
import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.PolicyEngine;
import dev.tollgate.policy.Rule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure scan pipeline shared by the CLI and the bot: IaC readers, then policy rules and the secrets pass,
 * then exceptions. No network, no database. Thread-safe once built: rules are compiled once.
 */
public final class Scanner {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::startLine).thenComparing(Finding::ruleId).thenComparing(Finding::resource);

    private final List<IacReader> readers;
    private final PolicyEngine policy;
    private final ExceptionResolver exceptions;

    public Scanner(List<IacReader> readers, PolicyEngine policy) {
        this.readers = List.copyOf(readers);
        this.policy = policy;
        this.exceptions = new ExceptionResolver(policy.rules().stream().map(Rule::id).collect(Collectors.toSet()));
    }

    /** The built-in readers and rules, plus the rules in {@code extraRulesDir} when it is not null. */
    public static Scanner create(Path extraRulesDir) {
        PolicyEngine policy = extraRulesDir == null ? PolicyEngine.builtIn() : PolicyEngine.load(extraRulesDir);
        return new Scanner(IacReaders.all(), policy);
    }

    public PolicyEngine policy() {
        return policy;
    }

    /**
     * @param files            every file fetched for the scan (changed files and their module siblings)
     * @param today            the date exceptions are judged against
     * @param maxExceptionDays the repository's longest allowed exception window
     */
    public ScanReport scan(List<SourceFile> files, LocalDate today, int maxExceptionDays) {
        List<Resource> resources = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<DeclaredException> declared = new ArrayList<>();
        Set<String> read = new HashSet<>();
        for (IacReader reader : readers) {
            List<SourceFile> accepted = files.stream().filter(f -> reader.accepts(f.path())).toList();
            if (accepted.isEmpty()) {
                continue;
            }
            accepted.forEach(f -> read.add(f.path()));
            ParsedFiles parsed = reader.read(accepted);
            resources.addAll(parsed.resources());
            errors.addAll(parsed.errors());
            skipped.addAll(parsed.skipped());
            declared.addAll(parsed.exceptions());
        }
        List<Skipped> unclaimed = unclaimed(files, resources, errors, skipped);
        skipped.addAll(unclaimed);
        unclaimed.stream().filter(Skipped::isNotIac).forEach(s -> read.remove(s.file()));
        Map<String, SourceFile> byPath = new LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        List<Finding> findings = new ArrayList<>(
                exceptions.apply(policy.evaluate(resources, files), byPath, declared, today, maxExceptionDays));
        findings.sort(ORDER);
        return new ScanReport(List.copyOf(findings), List.copyOf(errors), List.copyOf(skipped), read.size());
    }

    /**
     * YAML and JSON files that no reader recognised (a values file, a CI config, package.json): listed with the
     * reason, so that no file is silently passed over. Terraform files always belong to their module.
     */
    private static List<Skipped> unclaimed(List<SourceFile> files, List<Resource> resources, List<ScanError> errors,
                                           List<Skipped> skipped) {
        Set<String> claimed = new HashSet<>();
        resources.forEach(r -> claimed.add(r.file()));
        errors.forEach(e -> claimed.add(e.file()));
        skipped.forEach(s -> claimed.add(s.file()));
        Set<String> charts = new HashSet<>();
        files.stream().filter(f -> fileName(f.path()).equals("Chart.yaml"))
                .forEach(f -> charts.add(IacFiles.directoryOf(f.path())));
        List<Skipped> out = new ArrayList<>();
        for (SourceFile file : files) {
            String name = file.path().toLowerCase(Locale.ROOT);
            boolean yamlOrJson = name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")
                    || name.endsWith(".template");
            if (yamlOrJson && !IacFiles.isTerraform(name) && !claimed.contains(file.path())) {
                out.add(inHelmChart(file.path(), charts)
                        ? new Skipped(file.path(), "part of a Helm chart: not rendered, not scanned")
                        : Skipped.notIac(file.path()));
            }
        }
        return out;
    }

    /** A chart's own files: Chart.yaml and values files beside it. */
    private static boolean inHelmChart(String path, Set<String> charts) {
        String name = fileName(path);
        return charts.contains(IacFiles.directoryOf(path))
                && (name.equals("Chart.yaml") || name.startsWith("values") || name.equals("requirements.yaml"));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
