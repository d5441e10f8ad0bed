package dev.tollgate.policy;

import dev.tollgate.iac.Resource;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.Unknown;
import dev.tollgate.policy.cel.CelValues;
import dev.tollgate.policy.cel.CompiledCondition;
import dev.tollgate.policy.secrets.SecretDetector;
import dev.tollgate.policy.secrets.SecretHit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs rules over resources and files. Pure: no I/O once the rules are loaded.
 *
 * <p>Unknown discipline: a violation is never reported when the condition may have read a value that is not
 * known statically. Before evaluation every {@link Unknown#VALUE} becomes a placeholder and its name path is
 * recorded; a violation (or an evaluation error) whose condition selects every name of some unknown path is
 * withheld ({@link PolicyResult#unknown()}).
 */
public final class PolicyEngine {

    private final List<Rule> rules;
    private final Function<SourceFile, List<SecretHit>> secretScanner;

    public PolicyEngine(List<Rule> rules) {
        this(rules, file -> new SecretDetector().scan(file));
    }

    /** For tests: a secret scanner other than {@link SecretDetector}. */
    public PolicyEngine(List<Rule> rules, Function<SourceFile, List<SecretHit>> secretScanner) {
        this.rules = List.copyOf(rules);
        this.secretScanner = secretScanner;
    }

    /** The built-in rules, plus those of {@code extraRulesDir} when not null ({@code --rules DIR}). */
    public static PolicyEngine load(Path extraRulesDir) {
        List<Rule> all = new ArrayList<>(RuleLoader.builtIn());
        if (extraRulesDir != null) {
            Set<String> builtInIds = new HashSet<>();
            all.forEach(r -> builtInIds.add(r.id()));
            for (Rule rule : RuleLoader.fromDirectory(extraRulesDir)) {
                if (builtInIds.contains(rule.id())) {
                    throw new RuleLoadException(rule.source(), "id", "'" + rule.id() + "' is a built-in rule id");
                }
                all.add(rule);
            }
        }
        return new PolicyEngine(all);
    }

    public static PolicyEngine builtIn() {
        return load(null);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Open findings of every rule on these resources, and of the secret rules on these files. */
    public List<Finding> evaluate(List<Resource> resources, List<SourceFile> files) {
        return run(resources, files).findings();
    }

    /** As {@link #evaluate}, with the rule errors and withheld (unknown) verdicts. */
    public PolicyResult run(List<Resource> resources, List<SourceFile> files) {
        Collector out = new Collector();
        RelatedIndex related = new RelatedIndex(resources);
        for (Resource resource : resources) {
            List<Resource> referrers = related.referrersOf(resource);
            Set<String> possibleReferrerTypes = related.possibleReferrerTypes(resource);
            for (Rule rule : rules) {
                for (RuleTarget target : rule.targets()) {
                    if (target.appliesTo(resource.format(), resource.type())
                            && new TargetRun(rule, target, resource, referrers, possibleReferrerTypes, out).run()) {
                        break; // one finding per rule and resource
                    }
                }
            }
        }
        runSecretRules(files, out);
        return new PolicyResult(List.copyOf(out.findings), List.copyOf(out.errors), List.copyOf(out.withheld));
    }

    private void runSecretRules(List<SourceFile> files, Collector out) {
        List<Rule> secretRules = rules.stream().filter(r -> r.targets().stream().anyMatch(RuleTarget::isSecret))
                .toList();
        if (secretRules.isEmpty()) {
            return;
        }
        for (SourceFile file : files) {
            List<SecretHit> hits;
            try {
                hits = secretScanner.apply(file);
            } catch (UnsupportedOperationException e) {
                return; // the detector is not available in this build
            } catch (RuntimeException | StackOverflowError e) {
                out.errors.add(new RuleError("secrets", file.path(), file.path(), "secret detector failed: " + e));
                continue;
            }
            for (SecretHit hit : hits) {
                for (Rule rule : secretRules) {
                    for (RuleTarget target : rule.targets()) {
                        if (target.secretKinds().contains(hit.kind())) {
                            out.findings.add(secretFinding(rule, target, file, hit));
                        }
                    }
                }
            }
        }
    }

    private static Finding secretFinding(Rule rule, RuleTarget target, SourceFile file, SecretHit hit) {
        String message = target.message() == null ? rule.title() + ": " + hit.redacted()
                : target.message().render(Map.of("resource", Map.of("kind", hit.kind(), "redacted", hit.redacted()),
                        "related", Map.of(), "it", CelValues.NULL_VALUE));
        return new Finding(rule.id(), rule.severity(), rule.title(), rule.description(),
                target.remediationOr(rule.remediation()), file.path(), hit.line(), Math.max(hit.line(), hit.endLine()),
                file.path(), hit.line(), Math.max(hit.line(), hit.endLine()), message, null, rule.equivalents(), rule.frameworks(),
                FindingStatus.OPEN, null);
    }

    private static final class Collector {
        final List<Finding> findings = new ArrayList<>();
        final List<RuleError> errors = new ArrayList<>();
        final List<PolicyResult.Withheld> withheld = new ArrayList<>();
    }

    /** One target of one rule on one resource. */
    private record TargetRun(Rule rule, RuleTarget target, Resource resource, List<Resource> referrers,
                             Set<String> possibleReferrerTypes, Collector out) {

        private enum Verdict { PASS, VIOLATION, UNKNOWN, ERROR }

        /** Returns whether a finding was reported. */
        boolean run() {
            CompiledCondition condition = target.condition();
            Map<String, Object> variables = new HashMap<>();
            variables.put("resource", CelValues.toCel(resource.attributes()));
            variables.put("related", relatedVariable(condition));
            variables.put("it", CelValues.NULL_VALUE);
            List<List<String>> unknowns = new ArrayList<>(relatedUnknowns());
            if (target.each() == null) {
                unknowns.addAll(UnknownPaths.of(resource.attributes(), List.of()));
                Verdict verdict = judge(variables, unknowns, List.of(), null);
                if (verdict == Verdict.VIOLATION) {
                    report(variables, "", 0);
                }
                return verdict == Verdict.VIOLATION;
            }
            return runEach(variables, unknowns);
        }

        private boolean runEach(Map<String, Object> variables, List<List<String>> unknowns) {
            String each = target.each();
            Object repeated = resource.attributes().get(each);
            Map<String, Object> others = new LinkedHashMap<>(resource.attributes());
            others.remove(each);
            unknowns.addAll(UnknownPaths.of(others, List.of()));
            if (target.condition().selectedNames().contains(each)) {
                unknowns.addAll(UnknownPaths.of(repeated, List.of(each)));
            }
            List<?> elements = repeated instanceof List<?> list ? list
                    : repeated == null ? List.of() : List.of(repeated);
            int firstViolation = -1;
            int violations = 0;
            Map<String, Object> firstVariables = null;
            for (int i = 0; i < elements.size(); i++) {
                Map<String, Object> elementVariables = new HashMap<>(variables);
                elementVariables.put("it", CelValues.toCel(elements.get(i)));
                if (judge(elementVariables, unknowns, UnknownPaths.of(elements.get(i), List.of()), elements.get(i))
                        == Verdict.VIOLATION) {
                    violations++;
                    if (firstViolation < 0) {
                        firstViolation = i;
                        firstVariables = elementVariables;
                    }
                }
            }
            if (firstViolation < 0) {
                return false;
            }
            String prefix = each + (repeated instanceof List<?> ? "[" + firstViolation + "]" : "");
            report(firstVariables, prefix, violations - 1);
            return true;
        }

        /** {@code element} is the {@code each} element judged as {@code it}, else null. */
        private Verdict judge(Map<String, Object> variables, List<List<String>> unknowns,
                              List<List<String>> elementUnknowns, Object element) {
            CompiledCondition condition = target.condition();
            boolean readsUnknown = unknowns.stream().anyMatch(condition::reads)
                    || elementUnknowns.stream().anyMatch(condition::reads);
            Object result;
            try {
                result = condition.evaluate(variables);
            } catch (Exception | StackOverflowError e) {
                if (readsUnknown) {
                    return withhold();
                }
                out.errors.add(new RuleError(rule.id(), resource.file(), resource.address(), e.getMessage()));
                return Verdict.ERROR;
            }
            if (!(result instanceof Boolean violated)) {
                out.errors.add(new RuleError(rule.id(), resource.file(), resource.address(),
                        "condition gave " + result + " instead of true or false"));
                return Verdict.ERROR;
            }
            if (!violated) {
                return Verdict.PASS;
            }
            return readsUnknown ? withhold() : settleSpeculative(variables, element);
        }

        /**
         * A violation found with blocks whose existence is unknown stands when it also holds without them, or when
         * the condition reads their content (known code: "if this block is rendered, it is wrong"); a violation
         * that rests on their mere presence is withheld.
         */
        private Verdict settleSpeculative(Map<String, Object> variables, Object element) {
            boolean inResource = Speculative.present(resource.attributes());
            boolean inRelated = referrers.stream().anyMatch(r -> Speculative.present(r.attributes()));
            boolean inElement = element != null && Speculative.present(element);
            if (!inResource && !inRelated && !inElement) {
                return Verdict.VIOLATION;
            }
            CompiledCondition condition = target.condition();
            boolean violatedWithout = false;
            if (!Speculative.isSpeculative(element)) {
                Map<String, Object> without = new HashMap<>(variables);
                without.put("resource", CelValues.toCel(Speculative.without(resource.attributes())));
                without.put("related", relatedVariable(condition, true));
                if (element != null) {
                    without.put("it", CelValues.toCel(Speculative.without(element)));
                }
                try {
                    violatedWithout = Boolean.TRUE.equals(condition.evaluate(without));
                } catch (Exception | StackOverflowError e) {
                    violatedWithout = false;
                }
            }
            if (violatedWithout) {
                return Verdict.VIOLATION;
            }
            Set<String> content = new java.util.HashSet<>(Speculative.contentNames(resource.attributes()));
            referrers.forEach(r -> content.addAll(Speculative.contentNames(r.attributes())));
            if (element != null) {
                content.addAll(Speculative.contentNames(element));
            }
            return content.stream().anyMatch(condition.selectedNames()::contains) ? Verdict.VIOLATION : withhold();
        }

        private Verdict withhold() {
            out.withheld.add(new PolicyResult.Withheld(rule.id(), resource.file(), resource.address()));
            return Verdict.UNKNOWN;
        }

        /** {@code related}: every type the condition names is present, empty when nothing refers to us. */
        private Map<String, Object> relatedVariable(CompiledCondition condition) {
            return relatedVariable(condition, false);
        }

        /** {@code withoutSpeculative}: as in the world where no block of unknown existence is rendered. */
        private Map<String, Object> relatedVariable(CompiledCondition condition, boolean withoutSpeculative) {
            Map<String, List<Object>> byType = new LinkedHashMap<>();
            for (Resource referrer : referrers) {
                Object attributes = withoutSpeculative ? Speculative.without(referrer.attributes())
                        : referrer.attributes();
                byType.computeIfAbsent(referrer.type(), k -> new ArrayList<>()).add(CelValues.toCel(attributes));
            }
            for (String name : condition.selectedNames()) {
                byType.putIfAbsent(name, List.of());
            }
            return new LinkedHashMap<>(byType);
        }

        private List<List<String>> relatedUnknowns() {
            List<List<String>> paths = new ArrayList<>();
            for (Resource referrer : referrers) {
                paths.addAll(UnknownPaths.of(referrer.attributes(), List.of(referrer.type())));
            }
            possibleReferrerTypes.forEach(type -> paths.add(List.of(type)));
            return paths;
        }

        private void report(Map<String, Object> variables, String prefix, int moreViolations) {
            String base = prefix.isEmpty() ? "" : prefix + ".";
            List<String> candidates = new ArrayList<>();
            target.at().forEach(path -> candidates.add(base + path));
            Integer line = null;
            boolean pointsAtFirstPath = false;
            for (int i = 0; i < candidates.size() && line == null; i++) {
                line = resource.lines().get(candidates.get(i));
                pointsAtFirstPath = line != null && i == 0;
            }
            if (line == null && !prefix.isEmpty()) {
                line = resource.lines().get(prefix);
            }
            int pointed = line == null ? resource.startLine() : line;
            String message = target.message() == null ? rule.title() : target.message().render(variables);
            if (moreViolations > 0) {
                message += " (and " + moreViolations + " more in this resource)";
            }
            String suggestion = pointsAtFirstPath && target.suggestion() != null
                    ? target.suggestion().render(variables) : null;
            out.findings.add(new Finding(rule.id(), rule.severity(), rule.title(), rule.description(),
                    target.remediationOr(rule.remediation()), resource.file(), pointed, pointed, resource.address(),
                    resource.startLine(), resource.endLine(), message, suggestion, rule.equivalents(),
                    rule.frameworks(), FindingStatus.OPEN, null));
        }
    }
}
