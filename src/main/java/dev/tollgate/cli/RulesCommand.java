package dev.tollgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.iac.IacReaders;
import dev.tollgate.policy.PolicyEngine;
import dev.tollgate.policy.Rule;
import dev.tollgate.policy.RuleTarget;
import dev.tollgate.policy.RuleTester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules, or run their examples.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.TestRules.class})
final class RulesCommand {

    static PolicyEngine engine(Path rulesDir) {
        return rulesDir == null ? PolicyEngine.builtIn() : PolicyEngine.load(rulesDir);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print every rule: id, severity, formats, title and equivalent Checkov ids.")
    static final class ListRules implements Callable<Integer> {
        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        ScanCommand.Format format;

        @Option(names = "--rules", paramLabel = "DIR", description = "A directory of extra rules.")
        Path rulesDir;

        @Override
        public Integer call() throws Exception {
            List<Rule> rules = engine(rulesDir).rules();
            if (format == ScanCommand.Format.json) {
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(rules)));
            } else {
                RuleTester.listing(rules).forEach(System.out::println);
                System.out.println(rules.size() + " rules");
            }
            return Main.OK;
        }

        private static ArrayNode json(List<Rule> rules) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            for (Rule rule : rules) {
                ObjectNode node = array.addObject();
                node.put("id", rule.id()).put("severity", rule.severity().label()).put("title", rule.title())
                        .put("category", rule.category());
                ArrayNode formats = node.putArray("formats");
                rule.targets().stream().map(t -> t.isSecret() ? "secrets" : t.format()).distinct()
                        .forEach(formats::add);
                ArrayNode types = node.putArray("resource_types");
                rule.targets().stream().map(RuleTarget::types).flatMap(List::stream).distinct().forEach(types::add);
                node.set("equivalents", mapper.valueToTree(rule.equivalents()));
                node.set("frameworks", mapper.valueToTree(rule.frameworks()));
            }
            return array;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run every rule's pass and fail examples. Exit 0 when all behave, 1 otherwise.")
    static final class TestRules implements Callable<Integer> {
        @Option(names = "--rules", paramLabel = "DIR", description = "A directory of extra rules.")
        Path rulesDir;

        @Override
        public Integer call() {
            List<Rule> rules = engine(rulesDir).rules();
            List<RuleTester.Result> results = new RuleTester(IacReaders.all()).test(rules);
            long failed = 0;
            for (RuleTester.Result r : results) {
                if (r.outcome() != RuleTester.Outcome.PASSED) {
                    System.out.println(r.outcome() + "  " + r.ruleId() + "  " + r.example()
                            + (r.detail() == null ? "" : "  " + r.detail()));
                }
                if (r.outcome() == RuleTester.Outcome.FAILED) {
                    failed++;
                }
            }
            System.out.printf("%d rules, %d examples: %d passed, %d failed%n", rules.size(), results.size(),
                    results.size() - failed, failed);
            return failed == 0 ? Main.OK : Main.BLOCKED;
        }
    }
}
