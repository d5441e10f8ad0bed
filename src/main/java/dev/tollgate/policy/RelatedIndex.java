package dev.tollgate.policy;

import dev.tollgate.iac.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse of {@link Resource#references()}: for a resource, the resources that refer to it. Rules see them as
 * {@code related.<type>}, e.g. the {@code aws_s3_bucket_versioning} that configures a bucket.
 */
final class RelatedIndex {

    private final Map<String, List<Resource>> referrers = new HashMap<>();

    RelatedIndex(List<Resource> resources) {
        for (Resource resource : resources) {
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

    private static String instanceKey(String address) {
        int bracket = address.indexOf('[');
        return bracket < 0 ? null : address.substring(bracket);
    }
}
