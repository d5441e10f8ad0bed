package dev.tollgate.policy.aws;

import dev.tollgate.iac.IacReader;
import dev.tollgate.iac.IacReaders;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.PolicyEngine;
import dev.tollgate.policy.PolicyResult;
import dev.tollgate.iac.Resource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AWS service rules (ELB, API Gateway, Lambda, SQS, SNS, DynamoDB, ECR, EKS, OpenSearch, IMDSv2, VPC) on the
 * goat repositories: the findings a security engineer names first are there, at their lines, and on the clean
 * terraform-aws-modules they add nothing beyond the one finding that rests on a module default.
 */
class AwsServiceRulesCorpusTest {

    private static final String SERVICE_RULES =
            "TG-AWS-(ELB|APIGW|LAMBDA|SQS|SNS|DDB|ECR|EKS|ES)-\\d{3}|TG-AWS-EC2-005|TG-AWS-VPC-\\d{3}";

    @Test
    void cloudgoatFindingsAtTheirLines() throws IOException {
        Set<String> found = findings("cloudgoat");
        String scenarios = "cloudgoat/scenarios/aws/";
        for (String expected : List.of(
                "TG-AWS-EC2-005 " + scenarios + "ec2_ssrf/terraform/ec2.tf:106",
                "TG-AWS-EC2-005 " + scenarios + "cloud_breach_s3/terraform/ec2.tf:96",
                "TG-AWS-LAMBDA-001 " + scenarios + "secrets_in_the_cloud/terraform/lambda_function.tf:29",
                "TG-AWS-ELB-002 " + scenarios + "rce_web_app/terraform/lb.tf:68",
                "TG-AWS-SNS-001 " + scenarios + "sns_secrets/terraform/sns.tf:2")) {
            assertTrue(found.contains(expected), expected + " missing from " + found);
        }
        assertTrue(found.stream().noneMatch(f -> f.startsWith("TG-AWS-EC2-005 " + scenarios
                        + "secrets_in_the_cloud/")),
                "the instance with http_tokens = \"required\" must pass: " + found);
    }

    @Test
    void cfngoatFindingsAtTheirLines() throws IOException {
        Set<String> found = findings("cfngoat");
        for (String expected : List.of(
                "TG-AWS-LAMBDA-001 cfngoat.yaml:889",
                "TG-AWS-EKS-001 eks.yaml:445",
                "TG-AWS-EKS-002 eks.yaml:439",
                "TG-AWS-VPC-001 eks.yaml:76")) {
            assertTrue(found.contains(expected), expected + " missing from " + found);
        }
        assertTrue(found.stream().noneMatch(f -> f.startsWith("TG-AWS-VPC-001 cfngoat.yaml")),
                "cfngoat.yaml's VPC has an AWS::EC2::FlowLog: " + found);
    }

    @Test
    void cleanModulesGetOnlyTheFlowLogDefault() throws IOException {
        Set<String> found = findings("tf-modules");
        // terraform-aws-vpc creates its flow log only when enable_flow_log (default false) is set.
        assertEquals(Set.of("TG-AWS-VPC-001 terraform-aws-vpc/main.tf:28"), found);
    }

    private static Set<String> findings(String repo) throws IOException {
        String shared = System.getProperty("tollgate.shared");
        Path root = shared == null ? null : Path.of(shared, "corpus", "iac", repo);
        assumeTrue(root != null && Files.isDirectory(root),
                "shared corpus not found (system property tollgate.shared): " + repo + " skipped");
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = root.relativize(p).toString().replace('\\', '/');
                if (IacReaders.accepts(path)) {
                    files.add(new SourceFile(path, Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        }
        List<Resource> resources = new ArrayList<>();
        for (IacReader reader : IacReaders.all()) {
            resources.addAll(reader.read(files.stream().filter(f -> reader.accepts(f.path())).toList()).resources());
        }
        PolicyResult result = PolicyEngine.builtIn().run(resources, List.of());
        assertTrue(result.ruleErrors().isEmpty(), repo + ": " + result.ruleErrors());
        Set<String> out = new TreeSet<>();
        for (Finding f : result.findings()) {
            if (f.ruleId().matches(SERVICE_RULES)) {
                out.add(f.ruleId() + " " + f.file() + ":" + f.startLine());
            }
        }
        return out;
    }
}
