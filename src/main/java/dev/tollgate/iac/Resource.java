package dev.tollgate.iac;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One IaC resource as the rules see it, whatever format it came from.
 *
 * @param format     "terraform", "cloudformation", "kubernetes", "dockerfile", "secrets"
 * @param type       the resource type as its format names it: {@code aws_s3_bucket}, {@code AWS::S3::Bucket}
 * @param address    the address users know (DESIGN.md): {@code aws_s3_bucket.logs}, {@code aws_s3_bucket.b["k"]}
 * @param file       path of the source file relative to the scanned root, with forward slashes
 * @param startLine  first line of the resource (1-based)
 * @param endLine    last line of the resource
 * @param attributes evaluated attributes: String, Long, Double, Boolean, null, List, Map (String keys);
 *                   nested Terraform blocks are always a List of Maps; {@link Unknown#VALUE} where unknown
 * @param lines      source line of each attribute path, e.g. {@code acl}, {@code ingress[1].cidr_blocks},
 *                   {@code ingress[1]} (the block's first line)
 * @param references addresses of other resources this one refers to, without instance keys
 *                   ({@code aws_s3_bucket.logs}), so that rules can see cross-resource configuration
 */
public record Resource(
        String format,
        String type,
        String address,
        String file,
        int startLine,
        int endLine,
        Map<String, Object> attributes,
        Map<String, Integer> lines,
        Set<String> references) {

    /** The address without an instance key: {@code aws_s3_bucket.b["k"]} becomes {@code aws_s3_bucket.b}. */
    public String baseAddress() {
        int bracket = address.indexOf('[');
        return bracket < 0 ? address : address.substring(0, bracket);
    }

    /** Line of the first of the given attribute paths that exists, else the resource's first line. */
    public int lineOf(List<String> paths) {
        for (String path : paths) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
        }
        return startLine;
    }
}
