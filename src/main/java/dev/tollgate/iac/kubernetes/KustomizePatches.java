package dev.tollgate.iac.kubernetes;

import dev.tollgate.iac.IacFiles;
import dev.tollgate.iac.SourceFile;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files that kustomizations apply as patches ({@code patchesStrategicMerge}, {@code patches[].path},
 * {@code patchesJson6902[].path}): partial resources that only mean something merged into their base, so
 * they are not scanned on their own.
 */
final class KustomizePatches {

    private KustomizePatches() {
    }

    /**
     * Files named only as patches. A file that a kustomization also lists under {@code resources} is a resource
     * of its own and is scanned: naming it as a patch too must not hide it.
     */
    static Set<String> of(List<SourceFile> files) {
        Set<String> patches = new HashSet<>();
        Set<String> resources = new HashSet<>();
        for (SourceFile file : files) {
            if (!KubernetesReader.isKustomization(file.path())) {
                continue;
            }
            String dir = IacFiles.directoryOf(file.path());
            for (YamlDocuments.Document document : YamlDocuments.read(file.text())) {
                if (document.value() instanceof Map<?, ?> kustomization) {
                    addPaths(kustomization.get("patchesStrategicMerge"), dir, patches);
                    addPaths(kustomization.get("patches"), dir, patches);
                    addPaths(kustomization.get("patchesJson6902"), dir, patches);
                    addPaths(kustomization.get("resources"), dir, resources);
                }
            }
        }
        patches.removeAll(resources);
        return patches;
    }

    private static void addPaths(Object entries, String dir, Set<String> patches) {
        if (!(entries instanceof List<?> list)) {
            return;
        }
        for (Object entry : list) {
            Object path = entry instanceof Map<?, ?> map ? map.get("path") : entry;
            // an inline patch is YAML text, not a file name
            if (path instanceof String p && !p.contains("\n") && !p.isBlank()) {
                patches.add(normalize(dir.isEmpty() ? p.strip() : dir + "/" + p.strip()));
            }
        }
    }

    /** Resolves {@code .} and {@code ..} segments; a path that is not a plain repository path stays as written. */
    static String normalize(String path) {
        String normalized = IacFiles.normalize(path);
        return normalized == null ? path : normalized;
    }
}
