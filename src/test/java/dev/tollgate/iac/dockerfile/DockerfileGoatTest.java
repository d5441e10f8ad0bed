package dev.tollgate.iac.dockerfile;

import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.PolicyEngine;
import dev.tollgate.policy.RuleLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every Dockerfile of the goat repositories reads cleanly, and the findings a reviewer names first are there. */
class DockerfileGoatTest {

    @Test
    void goatDockerfilesReadAndGiveTheObviousFindings() throws IOException {
        String shared = System.getProperty("tollgate.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "corpus", "iac")),
                "shared corpus not found (system property tollgate.shared): goat Dockerfiles skipped");
        Path root = Path.of(shared, "corpus", "iac");
        DockerfileReader reader = new DockerfileReader();
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = root.relativize(p).toString().replace('\\', '/');
                if (reader.accepts(path)) {
                    files.add(new SourceFile(path, Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        }
        Map<String, Long> perRepo = files.stream()
                .collect(Collectors.groupingBy(f -> f.path().substring(0, f.path().indexOf('/')), TreeMap::new,
                        Collectors.counting()));
        assertEquals(Map.of("cloudgoat", 2L, "kubernetes-goat", 14L, "kustomizegoat", 1L, "terragoat", 1L), perRepo);

        ParsedFiles parsed = reader.read(files);
        assertEquals(List.of(), parsed.errors());
        assertEquals(files.size(), parsed.resources().stream().filter(r -> r.type().equals("Dockerfile")).count());

        List<Finding> findings = new PolicyEngine(RuleLoader.builtIn(), file -> List.of())
                .evaluate(parsed.resources(), files).stream().filter(f -> f.ruleId().startsWith("TG-DOCKER-"))
                .toList();
        Map<String, Map<String, Long>> byRepo = new TreeMap<>();
        for (Finding f : findings) {
            byRepo.computeIfAbsent(f.file().substring(0, f.file().indexOf('/')), k -> new TreeMap<>())
                    .merge(f.ruleId(), 1L, Long::sum);
        }
        System.out.println("[goat Dockerfiles] " + files.size() + " files, " + findings.size() + " findings: " + byRepo);

        String k8s = "kubernetes-goat/infrastructure/";
        assertFinding(findings, "TG-DOCKER-006", k8s + "users-repo/Dockerfile", 4, k8s + "users-repo/Dockerfile.ENV");
        assertFinding(findings, "TG-DOCKER-004", k8s + "hidden-in-layers/Dockerfile", 5,
                k8s + "hidden-in-layers/Dockerfile.ADD");
        assertFinding(findings, "TG-DOCKER-003", k8s + "batch-check/Dockerfile", 1, k8s + "batch-check/Dockerfile.FROM");
        assertFinding(findings, "TG-DOCKER-003", k8s + "goat-home/Dockerfile", 1, k8s + "goat-home/Dockerfile.FROM");
        assertFinding(findings, "TG-DOCKER-001", k8s + "goat-home/Dockerfile", 23, k8s + "goat-home/Dockerfile");
        assertTrue(findings.stream().noneMatch(f -> f.file().equals("kustomizegoat/Dockerfile")
                        && f.ruleId().matches("TG-DOCKER-00[12]")),
                "kustomizegoat's image ends with USER nginx");
        assertTrue(findings.stream().noneMatch(f -> f.ruleId().equals("TG-DOCKER-005")),
                "batch-check only echoes a curl | sh line into a file; nothing pipes a download into a shell");
    }

    private static void assertFinding(List<Finding> findings, String rule, String file, int line, String resource) {
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals(rule) && f.file().equals(file)
                        && f.startLine() == line && f.resource().equals(resource)),
                rule + " at " + file + ":" + line + " (" + resource + ") among " + findings.stream()
                        .filter(f -> f.file().equals(file)).map(f -> f.ruleId() + "@" + f.startLine()).toList());
    }
}
