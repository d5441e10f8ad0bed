package dev.tollgate.iac.kubernetes;

import dev.tollgate.iac.DeclaredException;
import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
import dev.tollgate.iac.SourceFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubernetesReaderTest {

    private final KubernetesReader reader = new KubernetesReader();

    private ParsedFiles read(String path, String text) {
        return reader.read(List.of(new SourceFile(path, text)));
    }

    private static Resource only(ParsedFiles parsed, String address) {
        List<Resource> found = parsed.resources().stream().filter(r -> r.address().equals(address)).toList();
        assertEquals(1, found.size(), "resources named " + address + " in " + parsed.resources());
        return found.get(0);
    }

    @Test
    void acceptsYamlJsonAndKustomizationButNotTerraformJson() {
        assertTrue(reader.accepts("k8s/app.yaml"));
        assertTrue(reader.accepts("k8s/app.YML"));
        assertTrue(reader.accepts("pod.json"));
        assertTrue(reader.accepts("overlay/Kustomization"));
        assertFalse(reader.accepts("main.tf.json"));
        assertFalse(reader.accepts("prod.tfvars.json"));
        assertFalse(reader.accepts("Dockerfile"));
    }

    @Test
    void multiDocumentFileGivesOneResourcePerDocumentWithLines() {
        String text = """
                # leading comment
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                spec:
                  template:
                    spec:
                      hostNetwork: true
                      containers:
                      - name: web
                        image: nginx:1.25
                        securityContext:
                          privileged: true
                ---
                # only a comment: not a document
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                """;
        ParsedFiles parsed = read("app.yaml", text);
        assertEquals(List.of("Namespace.default.shop", "Deployment.shop.web", "Service.default.web"),
                parsed.resources().stream().map(Resource::address).toList());
        Resource deployment = only(parsed, "Deployment.shop.web");
        assertEquals("kubernetes", deployment.format());
        assertEquals("Deployment", deployment.type());
        assertEquals(7, deployment.startLine());
        assertEquals(20, deployment.endLine());
        assertEquals(15, deployment.lines().get("spec.template.spec.hostNetwork"));
        assertEquals(15, deployment.lines().get("pod.hostNetwork"));
        assertEquals(20, deployment.lines().get("spec.template.spec.containers[0].securityContext.privileged"));
        assertEquals(20, deployment.lines().get("containers[0].securityContext.privileged"));
        assertEquals(20, deployment.lines().get("containers[0].effective_security_context.privileged"));
        assertEquals(2, only(parsed, "Namespace.default.shop").startLine());
        assertEquals(List.of(1, 6, 23), KubernetesReader.documentStartLines(text));
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
    }

    @Test
    void everyWorkloadKindExposesItsPodSpecAndContainers() {
        Map<String, String> podSpecPath = Map.of(
                "Pod", "spec",
                "Deployment", "spec.template.spec",
                "StatefulSet", "spec.template.spec",
                "DaemonSet", "spec.template.spec",
                "ReplicaSet", "spec.template.spec",
                "ReplicationController", "spec.template.spec",
                "Job", "spec.template.spec",
                "CronJob", "spec.jobTemplate.spec.template.spec");
        podSpecPath.forEach((kind, path) -> {
            StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: " + kind + "\nmetadata:\n  name: w\n");
            String[] keys = path.split("\\.");
            String indent = "";
            for (String key : keys) {
                yaml.append(indent).append(key).append(":\n");
                indent += "  ";
            }
            yaml.append(indent).append("containers:\n").append(indent).append("- name: c\n")
                    .append(indent).append("  image: app:1\n");
            Resource resource = only(read(kind + ".yaml", yaml.toString()), kind + ".default.w");
            List<?> containers = (List<?>) resource.attributes().get("containers");
            assertEquals(1, containers.size(), kind);
            assertEquals("app:1", ((Map<?, ?>) containers.get(0)).get("image"), kind);
            int imageLine = 4 + keys.length + 2 + 1;
            assertEquals(imageLine, resource.lines().get(path + ".containers[0].image"), kind);
            assertEquals(imageLine, resource.lines().get("containers[0].image"), kind);
            assertTrue(resource.attributes().get("pod") instanceof Map<?, ?>, kind);
        });
    }

    @Test
    void initAndEphemeralContainersAreContainersTooAndSayWhereTheyCameFrom() {
        String text = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  namespace: ns
                spec:
                  securityContext:
                    runAsUser: 1000
                  initContainers:
                  - name: init
                    image: busybox:1.36
                  containers:
                  - name: app
                    image: app:2
                    securityContext:
                      runAsUser: 0
                  ephemeralContainers:
                  - name: debug
                    image: debug:1
                """;
        Resource pod = only(read("pod.yaml", text), "Pod.ns.p");
        List<?> containers = (List<?>) pod.attributes().get("containers");
        assertEquals(List.of("containers", "initContainers", "ephemeralContainers"),
                containers.stream().map(c -> ((Map<?, ?>) c).get("container_list")).toList());
        assertEquals(List.of("app", "init", "debug"),
                containers.stream().map(c -> ((Map<?, ?>) c).get("name")).toList());
        Map<?, ?> app = (Map<?, ?>) containers.get(0);
        Map<?, ?> init = (Map<?, ?>) containers.get(1);
        assertEquals(0L, ((Map<?, ?>) app.get("effective_security_context")).get("runAsUser"));
        assertEquals(1000L, ((Map<?, ?>) init.get("effective_security_context")).get("runAsUser"));
        assertEquals(16, pod.lines().get("containers[0].effective_security_context.runAsUser"));
        assertEquals(8, pod.lines().get("containers[1].effective_security_context.runAsUser"));
        assertEquals(18, pod.lines().get("containers[2]"));
        assertEquals(19, pod.lines().get("containers[2].image"));
    }

    @Test
    void listItemsAreResourcesWithLinesRelativeToTheItem() {
        String text = """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ServiceAccount
                  metadata:
                    name: robot
                    namespace: ci
                - apiVersion: v1
                  kind: Pod
                  metadata:
                    name: runner
                  spec:
                    containers:
                    - name: r
                      image: runner:latest
                """;
        ParsedFiles parsed = read("list.yaml", text);
        assertEquals(List.of("ServiceAccount.ci.robot", "Pod.default.runner"),
                parsed.resources().stream().map(Resource::address).toList());
        Resource pod = only(parsed, "Pod.default.runner");
        assertEquals(9, pod.startLine());
        assertEquals(16, pod.endLine());
        assertEquals(16, pod.lines().get("spec.containers[0].image"));
        assertEquals(16, pod.lines().get("containers[0].image"));
    }

    @Test
    void jsonManifestsAreRead() {
        String text = "{\n  \"kind\": \"Pod\",\n  \"apiVersion\": \"v1\",\n  \"metadata\": {\"name\": \"j\"},\n"
                + "  \"spec\": {\n\t\"containers\": [\n      {\"name\": \"c\",\n       \"image\": \"x\"}\n    ]\n  }\n}\n";
        Resource pod = only(read("pod.json", text), "Pod.default.j");
        assertEquals(8, pod.lines().get("containers[0].image"));
    }

    @Test
    void yamlThatIsNotKubernetesIsNobodysBusiness() {
        ParsedFiles cfn = read("stack.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                """);
        ParsedFiles ci = read(".github/workflows/ci.yml", "on: [push]\njobs:\n  b: {runs-on: x}\n");
        ParsedFiles broken = read("notes.yaml", "a: [unclosed\n");
        for (ParsedFiles parsed : List.of(cfn, ci, broken)) {
            assertTrue(parsed.resources().isEmpty() && parsed.errors().isEmpty() && parsed.skipped().isEmpty(),
                    parsed.toString());
        }
    }

    @Test
    void helmTemplatesAreSkippedNeverParseErrors() {
        ParsedFiles inline = read("deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ include "app.fullname" . }}
                spec:
                  replicas: {{ .Values.replicas }}
                """);
        assertEquals(List.of(new Skipped("deploy.yaml", "Helm template: not rendered, not scanned")), inline.skipped());
        assertTrue(inline.errors().isEmpty() && inline.resources().isEmpty());
        ParsedFiles chart = reader.read(List.of(
                new SourceFile("charts/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n"),
                new SourceFile("charts/app/templates/tests/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n")));
        assertEquals(List.of(new Skipped("charts/app/templates/tests/pod.yaml",
                "Helm template: not rendered, not scanned")), chart.skipped());
        assertTrue(chart.resources().isEmpty(), "Chart.yaml has no kind: " + chart.resources());
        ParsedFiles alertRule = read("alerts.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: alerts
                data:
                  summary: "{{ $labels.instance }} is down"
                """);
        assertTrue(alertRule.skipped().isEmpty(), "a Go template inside a string value is data, not Helm");
        assertEquals(1, alertRule.resources().size());
    }

    @Test
    void kustomizationsAndTheirPatchesAreSkipped() {
        ParsedFiles parsed = reader.read(List.of(
                new SourceFile("base/kustomization.yaml", "resources:\n- deployment.yaml\n"),
                new SourceFile("base/deployment.yaml",
                        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n"),
                new SourceFile("overlays/prod/kustomization.yml",
                        "resources:\n- ../../base\npatchesStrategicMerge:\n- ./patch.yaml\npatches:\n- path: more.yaml\n"),
                new SourceFile("overlays/prod/patch.yaml",
                        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 3\n"),
                new SourceFile("overlays/prod/more.yaml",
                        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n"),
                new SourceFile("other/Kustomization", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"),
                new SourceFile("other/component.yaml",
                        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n")));
        assertEquals(List.of("Deployment.default.app @ base/deployment.yaml"),
                parsed.resources().stream().map(r -> r.address() + " @ " + r.file()).toList());
        assertEquals(List.of(
                        new Skipped("base/kustomization.yaml", "kustomization: not rendered, not scanned"),
                        new Skipped("overlays/prod/kustomization.yml", "kustomization: not rendered, not scanned"),
                        new Skipped("overlays/prod/patch.yaml", "kustomize patch: not rendered, not scanned"),
                        new Skipped("overlays/prod/more.yaml", "kustomize patch: not rendered, not scanned"),
                        new Skipped("other/Kustomization", "kustomization: not rendered, not scanned"),
                        new Skipped("other/component.yaml", "kustomization: not rendered, not scanned")),
                parsed.skipped());
    }

    @Test
    void aFileThatIsAlsoAResourceIsScannedEvenWhenNamedAsAPatch() {
        String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n"
                + "    spec:\n      containers:\n        - {name: api, image: api:1.0}\n";
        ParsedFiles parsed = reader.read(List.of(
                new SourceFile("kustomization.yaml", "resources: [deploy.yaml]\npatches:\n  - path: deploy.yaml\n"),
                new SourceFile("deploy.yaml", deployment)));
        only(parsed, "Deployment.default.api");
        assertTrue(parsed.skipped().stream().noneMatch(s -> s.file().equals("deploy.yaml")), parsed.skipped().toString());
    }

    @Test
    void aDuplicateKeyIsAnErrorAtItsLine() {
        ParsedFiles parsed = read("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
                + "  containers:\n    - name: c\n      securityContext:\n        privileged: true\n"
                + "        privileged: false\n");
        assertEquals(1, parsed.errors().size(), parsed.errors().toString());
        assertEquals(9, parsed.errors().get(0).line());
        assertTrue(parsed.errors().get(0).message().contains("duplicate key 'privileged'"));
    }

    @Test
    void exceptionAnnotationsBecomeDeclaredExceptionsOfTheirResource() {
        String text = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: agent
                  namespace: ops
                  annotations:
                    team: ops
                    tollgate.dev/exception.TG-K8S-004: 'owner=@acme/ops expires=2030-01-31 reason="node agent"'
                spec:
                  hostNetwork: true
                  containers: []
                """;
        ParsedFiles parsed = read("agent.yaml", text);
        assertEquals(List.of(new DeclaredException("agent.yaml", 8, "Pod.ops.agent",
                "TG-K8S-004 owner=@acme/ops expires=2030-01-31 reason=\"node agent\"")), parsed.exceptions());
    }

    @Test
    void anExceptionOnThePodTemplateCountsForItsWorkload() {
        String text = """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: ops}
                spec:
                  template:
                    metadata:
                      annotations:
                        tollgate.dev/exception.TG-K8S-004: 'owner=@acme/ops expires=2030-01-31 reason="node agent"'
                    spec:
                      hostNetwork: true
                      containers: []
                """;
        assertEquals(List.of(new DeclaredException("agent.yaml", 8, "DaemonSet.ops.agent",
                "TG-K8S-004 owner=@acme/ops expires=2030-01-31 reason=\"node agent\"")),
                read("agent.yaml", text).exceptions());
    }

    @Test
    void aBrokenDocumentIsAnErrorWithItsPositionAndTheOthersAreStillRead() {
        String text = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: first
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: broken
                  labels: [unclosed
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: last
                """;
        ParsedFiles parsed = read("mixed.yaml", text);
        assertEquals(List.of("ConfigMap.default.first", "Secret.default.last"),
                parsed.resources().stream().map(Resource::address).toList());
        assertEquals(1, parsed.errors().size());
        ScanError error = parsed.errors().get(0);
        assertEquals("mixed.yaml", error.file());
        assertTrue(error.line() >= 10 && error.line() <= 11, error.toString());
        assertTrue(error.column() > 0, error.toString());
        assertTrue(error.message().startsWith("document 1: invalid YAML"), error.message());
    }

    @Test
    void aliasBombsDeepNestingAndRecursiveAliasesAreErrorsNotHangs() {
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n");
        bomb.append("  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("  a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        String deep = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata: "
                + "[".repeat(5000) + "]".repeat(5000) + "\n";
        String recursive = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loop\ndata: &x [*x]\n";
        String good = "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: fine\n";
        ParsedFiles parsed = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> reader.read(List.of(
                new SourceFile("bomb.yaml", bomb + good),
                new SourceFile("deep.yaml", deep + good),
                new SourceFile("loop.yaml", recursive + good))));
        assertEquals(List.of("bomb.yaml", "deep.yaml", "loop.yaml"),
                parsed.errors().stream().map(ScanError::file).toList(), parsed.errors().toString());
        parsed.errors().forEach(e -> assertTrue(e.line() >= 1 && e.line() <= 6, e.toString()));
        assertTrue(parsed.errors().get(1).message().contains("nested deeper"), parsed.errors().get(1).message());
        assertEquals(3, parsed.resources().stream().filter(r -> r.address().equals("Secret.default.fine")).count(),
                "the document after the hostile one is still read");
    }

    @Test
    void yaml11BooleansAndQuotedStrings() {
        Resource pod = only(read("p.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: "007"
                spec:
                  hostPID: yes
                  hostIPC: "true"
                  containers: []
                """), "Pod.default.007");
        Map<?, ?> spec = (Map<?, ?>) pod.attributes().get("spec");
        assertEquals(Boolean.TRUE, spec.get("hostPID"));
        assertEquals("true", spec.get("hostIPC"));
    }
}
