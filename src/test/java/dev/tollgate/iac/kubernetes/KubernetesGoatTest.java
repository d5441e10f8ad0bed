package dev.tollgate.iac.kubernetes;

import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The vulnerable-by-design Kubernetes repositories of the shared corpus: read without a crash, every manifest
 * either scanned or skipped with a reason, and the findings a security engineer names first, at their lines.
 */
class KubernetesGoatTest {

    private static Path goat(String name) {
        String shared = System.getProperty("tollgate.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "corpus", "iac", name)),
                "shared corpus not found (system property tollgate.shared): " + name + " skipped");
        return Path.of(shared, "corpus", "iac", name);
    }

    private record Scan(List<SourceFile> files, ParsedFiles parsed, List<Finding> findings) {
        Set<String> keys() {
            return findings.stream().map(f -> f.ruleId() + " " + f.resource() + " @ " + f.file() + ":" + f.startLine())
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        /** Accepted files that hold no resource and were neither skipped nor reported as errors. */
        Set<String> unclaimed() {
            Set<String> claimed = new TreeSet<>();
            parsed.resources().forEach(r -> claimed.add(r.file()));
            parsed.skipped().forEach(s -> claimed.add(s.file()));
            parsed.errors().forEach(e -> claimed.add(e.file()));
            return files.stream().map(SourceFile::path).filter(p -> !claimed.contains(p))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Scan scan(Path root) throws IOException {
        KubernetesReader reader = new KubernetesReader();
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = root.relativize(p).toString().replace('\\', '/');
                if (reader.accepts(path)) {
                    files.add(new SourceFile(path, Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        }
        ParsedFiles parsed = reader.read(files);
        List<Finding> findings = new PolicyEngine(RuleLoader.builtIn(), file -> List.of())
                .evaluate(parsed.resources(), files);
        System.out.println(root.getFileName() + ": " + files.size() + " files, " + parsed.resources().size()
                + " resources, " + parsed.skipped().size() + " skipped, " + findings.size() + " findings");
        return new Scan(files, parsed, findings);
    }

    @Test
    void kubernetesGoat() throws IOException {
        Scan scan = scan(goat("kubernetes-goat"));
        assertEquals(List.of(), scan.parsed().errors().stream().map(ScanError::toString).toList());
        Set<String> helm = scan.parsed().skipped().stream()
                .filter(s -> s.reason().equals("Helm template: not rendered, not scanned"))
                .map(Skipped::file).collect(Collectors.toCollection(TreeSet::new));
        Set<String> templates = scan.files().stream().map(SourceFile::path).filter(p -> p.contains("/templates/"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(6, templates.size(), templates.toString());
        assertEquals(templates, helm);
        assertTrue(scan.parsed().resources().stream().noneMatch(r -> r.file().contains("/templates/")));
        // chart metadata, Helm values and a registry config: YAML, but not Kubernetes objects
        assertEquals(Set.of("infrastructure/helm-tiller/pwnchart/Chart.yaml",
                        "infrastructure/helm-tiller/pwnchart/values.yaml",
                        "infrastructure/poor-registry/config.yml",
                        "scenarios/metadata-db/Chart.yaml",
                        "scenarios/metadata-db/values.yaml"),
                scan.unclaimed());
        Set<String> keys = scan.keys();
        for (String expected : List.of(
                "TG-K8S-001 Deployment.default.system-monitor-deployment @ scenarios/system-monitor/deployment.yaml:41",
                "TG-K8S-007 Deployment.default.system-monitor-deployment @ scenarios/system-monitor/deployment.yaml:31",
                "TG-K8S-005 Deployment.default.system-monitor-deployment @ scenarios/system-monitor/deployment.yaml:25",
                "TG-K8S-004 DaemonSet.default.docker-bench-security @ scenarios/docker-bench-security/deployment.yaml:29",
                "TG-K8S-003 DaemonSet.default.docker-bench-security @ scenarios/docker-bench-security/deployment.yaml:31",
                "TG-K8S-008 DaemonSet.default.docker-bench-security @ scenarios/docker-bench-security/deployment.yaml:91",
                "TG-K8S-008 Deployment.default.health-check-deployment @ scenarios/health-check/deployment.yaml:32",
                "TG-K8S-024 ClusterRoleBinding.default.superadmin @ scenarios/insecure-rbac/setup.yaml:14")) {
            assertTrue(keys.contains(expected), expected + " not among\n" + String.join("\n", keys));
        }
    }

    @Test
    void kustomizeGoat() throws IOException {
        Scan scan = scan(goat("kustomizegoat"));
        assertEquals(List.of(), scan.parsed().errors().stream().map(ScanError::toString).toList());
        assertEquals(Set.of(), scan.unclaimed());
        assertEquals(List.of("Deployment.kustomizegoat.kustomizegoat", "Service.kustomizegoat.goatlb",
                        "PersistentVolumeClaim.default.unused-pvc"),
                scan.parsed().resources().stream().map(Resource::address).toList());
        assertEquals(7, scan.parsed().skipped().size(), scan.parsed().skipped().toString());
        Set<String> keys = scan.keys();
        for (String expected : List.of(
                "TG-K8S-003 Deployment.kustomizegoat.kustomizegoat @ kustomize/base/deployment.yaml:21",
                "TG-K8S-002 Deployment.kustomizegoat.kustomizegoat @ kustomize/base/deployment.yaml:21",
                "TG-K8S-018 Deployment.kustomizegoat.kustomizegoat @ kustomize/base/deployment.yaml:21")) {
            assertTrue(keys.contains(expected), expected + " not among\n" + String.join("\n", keys));
        }
    }
}
