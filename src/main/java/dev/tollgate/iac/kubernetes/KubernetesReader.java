package dev.tollgate.iac.kubernetes;

import dev.tollgate.iac.DeclaredException;
import dev.tollgate.iac.IacFiles;
import dev.tollgate.iac.IacReader;
import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
import dev.tollgate.iac.SourceFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Kubernetes manifests (YAML, multi-document, JSON): every document with {@code apiVersion} and {@code kind} is a
 * resource {@code Kind.namespace.name} (namespace {@code default} when absent), the items of {@code *List} kinds
 * too. Attributes are the document itself plus the synthetic {@code pod} and {@code containers} of
 * {@link PodSpecs}. Helm templates, kustomizations and the patches they apply are recognised and skipped with a
 * reason: they are not what the cluster will receive. YAML that is neither Kubernetes nor broken Kubernetes
 * (CloudFormation, values files, CI configs) is left to other readers and reported by nobody here.
 */
public final class KubernetesReader implements IacReader {

    public static final String FORMAT = "kubernetes";
    static final String HELM = "Helm template: not rendered, not scanned";
    static final String KUSTOMIZATION = "kustomization: not rendered, not scanned";
    static final String KUSTOMIZE_PATCH = "kustomize patch: not rendered, not scanned";
    static final String EXCEPTION_ANNOTATION = "tollgate.dev/exception.";

    private static final Pattern API_VERSION_KEY = Pattern.compile("(?m)^[ \\t]*[\"']?apiVersion[\"']?[ \\t]*:");
    private static final Pattern KIND_KEY = Pattern.compile("(?m)^[ \\t]*[\"']?kind[\"']?[ \\t]*:");
    private static final Pattern HELM_OBJECTS = Pattern.compile("\\.(?:Values|Release|Chart|Capabilities|Files)\\.");
    private static final Pattern HELM_FUNCTIONS = Pattern.compile(
            "\\{\\{-?[ \\t]*(?:include|toYaml|tpl|required|define|template)\\b");
    private static final Pattern LINE_IS_ACTION = Pattern.compile("(?m)^[ \\t]*\\{\\{");

    @Override
    public boolean accepts(String path) {
        String name = fileName(path);
        if (name.endsWith(".tf.json") || name.endsWith(".tfvars.json")) {
            return false;
        }
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") || isKustomization(path);
    }

    @Override
    public ParsedFiles read(List<SourceFile> files) {
        Out out = new Out();
        Set<String> chartDirs = new java.util.HashSet<>();
        for (SourceFile file : files) {
            String name = fileName(file.path());
            if (name.equals("chart.yaml") || name.equals("chart.yml")) {
                chartDirs.add(IacFiles.directoryOf(file.path()));
            }
        }
        Set<String> patches = KustomizePatches.of(files);
        for (SourceFile file : files) {
            if (accepts(file.path())) {
                readFile(file, chartDirs, patches, out);
            }
        }
        return new ParsedFiles(List.copyOf(out.resources), List.copyOf(out.errors), List.copyOf(out.skipped),
                List.copyOf(out.exceptions));
    }

    /** First line (1-based) of each document of a manifest; a document's checkov {@code doc_index} is its position. */
    public static List<Integer> documentStartLines(String text) {
        return YamlDocuments.documentStartLines(text);
    }

    private void readFile(SourceFile file, Set<String> chartDirs, Set<String> patches, Out out) {
        String path = file.path();
        String text = file.text();
        if (isKustomization(path)) {
            out.skipped.add(new Skipped(path, KUSTOMIZATION));
            return;
        }
        if (inChartTemplates(path, chartDirs) || text.contains("{{") && looksLikeHelm(text)) {
            out.skipped.add(new Skipped(path, HELM));
            return;
        }
        if (patches.contains(path)) {
            out.skipped.add(new Skipped(path, KUSTOMIZE_PATCH));
            return;
        }
        if (text.length() > YamlDocuments.MAX_CODE_POINTS) {
            if (looksLikeKubernetes(text)) {
                out.errors.add(new ScanError(path, 1, 0, "manifest larger than " + YamlDocuments.MAX_CODE_POINTS
                        + " characters: not read"));
            }
            return;
        }
        List<YamlDocuments.Document> documents = YamlDocuments.read(isJson(text) ? text.replace('\t', ' ') : text);
        if (text.contains("{{") && documents.stream().anyMatch(d -> d.error() != null)) {
            out.skipped.add(new Skipped(path, HELM));
            return;
        }
        if (documents.stream().anyMatch(d -> isKustomizationDocument(d.value()))) {
            out.skipped.add(new Skipped(path, KUSTOMIZATION));
            return;
        }
        boolean reportErrors = looksLikeKubernetes(text);
        for (YamlDocuments.Document document : documents) {
            if (document.error() != null) {
                if (reportErrors) {
                    YamlDocuments.Problem p = document.error();
                    out.errors.add(new ScanError(path, p.line(), p.column(),
                            "document " + document.index() + ": " + p.message()));
                }
            } else if (isManifest(document.value())) {
                addDocument(path, document, out);
            }
        }
    }

    private void addDocument(String path, YamlDocuments.Document document, Out out) {
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) document.value();
        NavigableMap<String, Integer> lines = new TreeMap<>(document.lines());
        String kind = (String) root.get("kind");
        if (kind.endsWith("List") && root.get("items") instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map<?, ?> item && item.get("kind") instanceof String) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> manifest = (Map<String, Object>) item;
                    NavigableMap<String, Integer> itemLines = rebase(lines, "items[" + i + "]");
                    int start = itemLines.getOrDefault("", document.startLine());
                    int end = itemLines.values().stream().mapToInt(Integer::intValue).max().orElse(start);
                    addResource(path, manifest, itemLines, start, end, out);
                }
            }
            return;
        }
        addResource(path, root, lines, lines.getOrDefault("", document.startLine()), document.endLine(), out);
    }

    private void addResource(String path, Map<String, Object> manifest, NavigableMap<String, Integer> lines,
                             int start, int end, Out out) {
        String kind = (String) manifest.get("kind");
        Map<?, ?> metadata = manifest.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        String namespace = text(metadata.get("namespace"));
        String name = text(metadata.get("name"));
        String address = kind + "." + (namespace.isEmpty() ? "default" : namespace) + "."
                + (name.isEmpty() ? text(metadata.get("generateName")) : name);
        Map<String, Object> attributes = new LinkedHashMap<>(manifest);
        PodSpecs.addSynthetic(kind, attributes, lines);
        out.resources.add(new Resource(FORMAT, kind, address, path, start, Math.max(start, end),
                Collections.unmodifiableMap(attributes), Collections.unmodifiableMap(lines), Set.of()));
        declaredExceptions(metadata, "metadata.annotations.", path, address, lines, start, out);
        // the pod template's annotations too: where people put what concerns the pods
        if (attributes.get(PodSpecs.POD_METADATA) instanceof Map<?, ?> podMetadata && podMetadata != metadata) {
            declaredExceptions(podMetadata, PodSpecs.POD_METADATA + ".annotations.", path, address, lines, start, out);
        }
    }

    private static void declaredExceptions(Map<?, ?> metadata, String linePrefix, String path, String address,
                                           Map<String, Integer> lines, int start, Out out) {
        if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
            annotations.forEach((key, value) -> {
                String k = String.valueOf(key);
                if (k.startsWith(EXCEPTION_ANNOTATION) && k.length() > EXCEPTION_ANNOTATION.length()) {
                    String rule = k.substring(EXCEPTION_ANNOTATION.length());
                    int line = lines.getOrDefault(linePrefix + k, start);
                    out.exceptions.add(new DeclaredException(path, line, address,
                            (rule + " " + (value == null ? "" : value)).strip()));
                }
            });
        }
    }

    /** The lines under {@code prefix}, keyed relative to it ({@code prefix} itself becomes {@code ""}). */
    private static NavigableMap<String, Integer> rebase(NavigableMap<String, Integer> lines, String prefix) {
        NavigableMap<String, Integer> out = new TreeMap<>();
        lines.subMap(prefix, true, prefix + Character.MAX_VALUE, false).forEach((path, line) -> {
            if (path.equals(prefix)) {
                out.put("", line);
            } else if (path.charAt(prefix.length()) == '.') {
                out.put(path.substring(prefix.length() + 1), line);
            }
        });
        return out;
    }

    private static boolean isManifest(Object value) {
        return value instanceof Map<?, ?> map && map.get("kind") instanceof String kind && !kind.isBlank()
                && map.get("apiVersion") instanceof String;
    }

    private static boolean isKustomizationDocument(Object value) {
        return value instanceof Map<?, ?> map && map.get("apiVersion") instanceof String api
                && api.startsWith("kustomize.config.k8s.io/");
    }

    /**
     * JSON may indent with tabs, which YAML forbids; a tab inside a JSON string must be escaped, so every literal
     * tab is whitespace and a space in its place keeps lines and columns.
     */
    private static boolean isJson(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private static boolean looksLikeKubernetes(String text) {
        return API_VERSION_KEY.matcher(text).find() && KIND_KEY.matcher(text).find();
    }

    private static boolean looksLikeHelm(String text) {
        return HELM_OBJECTS.matcher(text).find() || HELM_FUNCTIONS.matcher(text).find()
                || LINE_IS_ACTION.matcher(text).find();
    }

    /** A file under {@code templates/} (at any depth) of a directory that holds a Chart.yaml. */
    private static boolean inChartTemplates(String path, Set<String> chartDirs) {
        String[] segments = path.split("/");
        for (int k = 0; k < segments.length - 1; k++) {
            if (segments[k].equals("templates")
                    && chartDirs.contains(String.join("/", java.util.Arrays.copyOfRange(segments, 0, k)))) {
                return true;
            }
        }
        return false;
    }

    static boolean isKustomization(String path) {
        String name = fileName(path);
        return name.equals("kustomization.yaml") || name.equals("kustomization.yml") || name.equals("kustomization");
    }

    private static String text(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? String.valueOf(value).strip() : "";
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    private static final class Out {
        final List<Resource> resources = new ArrayList<>();
        final List<ScanError> errors = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();
        final List<DeclaredException> exceptions = new ArrayList<>();
    }
}
