package dev.tollgate.policy;

import dev.tollgate.iac.Resource;
import dev.tollgate.iac.Unknown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse of {@link Resource#references()}: for a resource, the resources that refer to it. Rules see them as
 * {@code related.<type>}, e.g. the {@code aws_s3_bucket_versioning} that configures a bucket.
 */
final class RelatedIndex {

    private final Map<String, List<Resource>> referrers = new HashMap<>();
    private final List<Resource> unlinked = new ArrayList<>();

    RelatedIndex(List<Resource> resources) {
        for (Resource resource : resources) {
            if (resource.references().isEmpty() && !unknownTopLevel(resource).isEmpty()) {
                unlinked.add(resource);
            }
            for (String target : resource.references()) {
                referrers.computeIfAbsent(target, k -> new ArrayList<>()).add(resource);
            }
        }
    }

    /**
     * Resources referring to this one. With for_each/count, {@code aws_s3_bucket_versioning.v["a"]} refers to
     * {@code aws_s3_bucket.b} without its key; when some referrers carry the same key as this resource, the
     * referrers of other keys are left out.
     */
    List<Resource> referrersOf(Resource resource) {
        List<Resource> all = referrers.getOrDefault(resource.baseAddress(), List.of());
        String key = instanceKey(resource.address());
        List<Resource> out = new ArrayList<>();
        boolean sameKeyExists = key != null && all.stream().anyMatch(r -> key.equals(instanceKey(r.address())));
        for (Resource referrer : all) {
            if (referrer == resource) {
                continue;
            }
            String referrerKey = instanceKey(referrer.address());
            if (sameKeyExists && referrerKey != null && !referrerKey.equals(key)) {
                continue;
            }
            out.add(referrer);
        }
        return out;
    }

    /**
     * Types of resources that may refer to this one although no reference says so: they name their target
     * through an unknown value ({@code bucket = var.name}) in an attribute that is unknown in this resource too,
     * in the same module. A rule that looks at such a type cannot conclude that nothing configures this resource.
     */
    Set<String> possibleReferrerTypes(Resource resource) {
        Set<String> types = new HashSet<>();
        Set<String> ownUnknown = unknownTopLevel(resource);
        if (ownUnknown.isEmpty()) {
            return types;
        }
        String dir = directory(resource.file());
        for (Resource candidate : unlinked) {
            if (candidate != resource && directory(candidate.file()).equals(dir)
                    && unknownTopLevel(candidate).stream().anyMatch(ownUnknown::contains)) {
                types.add(candidate.type());
            }
        }
        return types;
    }

    private static Set<String> unknownTopLevel(Resource resource) {
        Set<String> names = new HashSet<>();
        resource.attributes().forEach((k, v) -> {
            if (v instanceof Unknown) {
                names.add(k);
            }
        });
        return names;
    }

    private static String directory(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    private static String instanceKey(String address) {
        int bracket = address.indexOf('[');
        return bracket < 0 ? null : address.substring(bracket);
    }
}
