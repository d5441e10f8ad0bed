package dev.tollgate.iac.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The synthetic attributes that make pod and container rules uniform across workload kinds:
 * <ul>
 *   <li>{@code pod}: the pod spec wherever the kind keeps it ({@code spec}, {@code spec.template.spec},
 *       {@code spec.jobTemplate.spec.template.spec}, {@code template.spec}), whatever its type;</li>
 *   <li>{@code pod_metadata}: the metadata of the pod template (the resource's own for a Pod), where pod
 *       annotations such as the seccomp and AppArmor ones live;</li>
 *   <li>{@code volumes}: the pod's volumes when they are a list, so that rules can judge them one by one;</li>
 *   <li>{@code containers}: every container of {@code containers}, {@code initContainers} and
 *       {@code ephemeralContainers} (mappings only, in that order), each a copy of the container plus
 *       {@code container_list} (which list it came from) and {@code effective_security_context} (the pod-level
 *       fields a container inherits, overridden by its own {@code securityContext}, as the kubelet applies them).</li>
 * </ul>
 * Every synthetic path gets the line of the document key it stands for, so that a finding on
 * {@code containers[1].securityContext.privileged} points at {@code spec.template.spec.containers[0]...} in the file.
 */
final class PodSpecs {

    static final String POD = "pod";
    static final String POD_METADATA = "pod_metadata";
    static final String VOLUMES = "volumes";
    static final String CONTAINERS = "containers";
    static final String CONTAINER_LIST = "container_list";
    static final String EFFECTIVE_SECURITY_CONTEXT = "effective_security_context";

    private static final List<String> TEMPLATE_SPEC = List.of("spec", "template", "spec");
    private static final Map<String, List<String>> POD_SPEC_PATHS = Map.of(
            "Pod", List.of("spec"),
            "PodTemplate", List.of("template", "spec"),
            "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"));
    private static final List<String> TEMPLATE_KINDS = List.of("Deployment", "DaemonSet", "StatefulSet",
            "ReplicaSet", "ReplicationController", "Job", "DeploymentConfig");
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers",
            "ephemeralContainers");
    /** PodSecurityContext fields that apply to every container unless the container sets them itself. */
    private static final List<String> INHERITED = List.of("runAsUser", "runAsGroup", "runAsNonRoot",
            "seLinuxOptions", "seccompProfile", "appArmorProfile", "windowsOptions");

    private PodSpecs() {
    }

    /** Whether the kind holds a pod template (or is a pod). */
    static boolean isWorkload(String kind) {
        return POD_SPEC_PATHS.containsKey(kind) || TEMPLATE_KINDS.contains(kind);
    }

    /** Adds {@code pod} and {@code containers} (with their lines) when the kind is a workload. */
    static void addSynthetic(String kind, Map<String, Object> attributes, NavigableMap<String, Integer> lines) {
        List<String> location = POD_SPEC_PATHS.getOrDefault(kind, TEMPLATE_KINDS.contains(kind) ? TEMPLATE_SPEC : null);
        if (location == null) {
            return;
        }
        Object pod = attributes;
        for (String key : location) {
            if (!(pod instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return;
            }
            pod = map.get(key);
        }
        String podPath = String.join(".", location);
        attributes.put(POD, pod);
        copyLines(lines, podPath, POD);
        String metadataPath = location.size() == 1 ? "metadata"
                : String.join(".", location.subList(0, location.size() - 1)) + ".metadata";
        Object metadata = valueAt(attributes, metadataPath.split("\\."));
        if (metadata != null) {
            attributes.put(POD_METADATA, metadata);
            copyLines(lines, metadataPath, POD_METADATA);
        }
        if (pod instanceof Map<?, ?> podSpec && podSpec.get("volumes") instanceof List<?> volumes) {
            attributes.put(VOLUMES, volumes);
            copyLines(lines, podPath + ".volumes", VOLUMES);
        }
        List<Object> containers = new ArrayList<>();
        if (pod instanceof Map<?, ?> podSpec) {
            Map<?, ?> podContext = podSpec.get("securityContext") instanceof Map<?, ?> m ? m : Map.of();
            for (String list : CONTAINER_LISTS) {
                if (!(podSpec.get(list) instanceof List<?> items)) {
                    continue;
                }
                for (int j = 0; j < items.size(); j++) {
                    if (items.get(j) instanceof Map<?, ?> container) {
                        String source = podPath + "." + list + "[" + j + "]";
                        String target = CONTAINERS + "[" + containers.size() + "]";
                        containers.add(syntheticContainer(list, container, podContext, source, target, podPath,
                                lines));
                    }
                }
            }
        }
        attributes.put(CONTAINERS, containers);
    }

    private static Object valueAt(Object root, String[] keys) {
        Object value = root;
        for (String key : keys) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }

    private static Map<String, Object> syntheticContainer(String list, Map<?, ?> container, Map<?, ?> podContext,
                                                          String source, String target, String podPath,
                                                          NavigableMap<String, Integer> lines) {
        Map<String, Object> copy = new LinkedHashMap<>();
        container.forEach((k, v) -> copy.put((String) k, v));
        copyLines(lines, source, target);
        Integer containerLine = lines.get(source);
        copy.put(CONTAINER_LIST, list);
        putLine(lines, target + "." + CONTAINER_LIST, containerLine);
        Map<String, Object> effective = new LinkedHashMap<>();
        String effectivePath = target + "." + EFFECTIVE_SECURITY_CONTEXT;
        for (String field : INHERITED) {
            if (podContext.containsKey(field)) {
                effective.put(field, podContext.get(field));
                copyLines(lines, podPath + ".securityContext." + field, effectivePath + "." + field);
            }
        }
        if (container.get("securityContext") instanceof Map<?, ?> own) {
            own.forEach((k, v) -> effective.put((String) k, v));
            copyLines(lines, source + ".securityContext", effectivePath);
        }
        copy.put(EFFECTIVE_SECURITY_CONTEXT, effective);
        putLine(lines, effectivePath, lines.getOrDefault(target + ".securityContext", containerLine));
        return copy;
    }

    private static void putLine(NavigableMap<String, Integer> lines, String path, Integer line) {
        if (line != null) {
            lines.put(path, line);
        }
    }

    /** Gives every path at or under {@code from} a twin at or under {@code to}. */
    private static void copyLines(NavigableMap<String, Integer> lines, String from, String to) {
        Map<String, Integer> twins = new LinkedHashMap<>();
        lines.subMap(from, true, from + Character.MAX_VALUE, false).forEach((path, line) -> {
            if (path.equals(from)) {
                twins.put(to, line);
            } else if (path.startsWith(from) && (path.charAt(from.length()) == '.' || path.charAt(from.length()) == '[')) {
                twins.put(to + path.substring(from.length()), line);
            }
        });
        lines.putAll(twins);
    }
}
