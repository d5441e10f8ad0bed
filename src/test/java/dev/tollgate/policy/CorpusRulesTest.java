package dev.tollgate.policy;

import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.terraform.TerraformReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every built-in rule over the third-party Terraform of the shared corpus: no condition may fail to evaluate
 * (a rule error is a bug in the rule), and every finding points inside its resource.
 */
class CorpusRulesTest {

    @Test
    void rulesEvaluateCleanlyOnRealWorldTerraform() throws IOException {
        String shared = System.getProperty("tollgate.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "corpus", "iac")),
                "shared corpus not found (system property tollgate.shared): corpus test skipped");
        TerraformAvailable.assume();
        PolicyEngine engine = new PolicyEngine(RuleLoader.builtIn(), file -> List.of());
        for (String corpus : List.of("tf-modules", "terragoat", "cloudgoat", "sadcloud")) {
            Path root = Path.of(shared, "corpus", "iac", corpus);
            List<SourceFile> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
                    files.add(new SourceFile(root.relativize(p).toString().replace('\\', '/'),
                            Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
            ParsedFiles parsed = new TerraformReader().read(files);
            PolicyResult result = engine.run(parsed.resources(), files);
            System.out.printf("%s: %d resources, %d findings, %d withheld as unknown, %d rule errors%n", corpus,
                    parsed.resources().size(), result.findings().size(), result.unknown().size(),
                    result.ruleErrors().size());
            assertTrue(result.ruleErrors().isEmpty(), corpus + ": " + result.ruleErrors());
            for (Finding f : result.findings()) {
                assertTrue(f.resourceStartLine() <= f.startLine() && f.startLine() <= f.resourceEndLine(),
                        "finding outside its resource: " + f);
            }
        }
    }
}
