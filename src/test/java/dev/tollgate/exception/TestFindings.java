package dev.tollgate.exception;

import dev.tollgate.policy.Finding;
import dev.tollgate.policy.FindingStatus;
import dev.tollgate.policy.Severity;

import java.util.List;
import java.util.Map;

/** Findings for tests: only what a test cares about is a parameter. */
public final class TestFindings {

    private TestFindings() {
    }

    public static Finding finding(String ruleId, String file, int line, String resource, int resourceStart,
                                  int resourceEnd) {
        return finding(ruleId, Severity.HIGH, file, line, resource, resourceStart, resourceEnd, null);
    }

    public static Finding finding(String ruleId, Severity severity, String file, int line, String resource,
                                  int resourceStart, int resourceEnd, String suggestion) {
        return new Finding(ruleId, severity, "S3 bucket is publicly readable",
                "Anyone on the internet can list and read the objects.", "Set acl to private.",
                file, line, line, resource, resourceStart, resourceEnd,
                "bucket " + resource + " grants public-read", suggestion,
                Map.of("checkov", List.of("CKV_AWS_20"), "trivy", List.of("AVD-AWS-0092"),
                        "tfsec", List.of("aws-s3-no-public-access-with-acl")),
                Map.of(), FindingStatus.OPEN, null);
    }
}
