package dev.tollgate.iac.cloudformation;

import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.PolicyEngine;
import dev.tollgate.policy.PolicyResult;
import dev.tollgate.policy.RuleLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** bridgecrewio/cfngoat, the deliberately vulnerable CloudFormation stack: read whole, and the obvious holes found. */
class CfngoatTest {

    @Test
    void readsBothTemplatesAndFindsWhatASecurityEngineerNamesFirst() throws IOException {
        String shared = System.getProperty("tollgate.shared");
        Path root = shared == null ? null : Path.of(shared, "corpus", "iac", "cfngoat");
        assumeTrue(root != null && Files.isDirectory(root), "shared corpus not found (tollgate.shared): cfngoat skipped");
        List<SourceFile> files = new ArrayList<>();
        for (String name : List.of("cfngoat.yaml", "eks.yaml")) {
            files.add(new SourceFile(name, Files.readString(root.resolve(name))));
        }
        ParsedFiles parsed = new CloudFormationReader().read(files);
        assertEquals(List.of(), parsed.errors());
        assertEquals(45, parsed.resources().stream().filter(r -> r.file().equals("cfngoat.yaml")).count());
        assertEquals(24, parsed.resources().stream().filter(r -> r.file().equals("eks.yaml")).count());

        PolicyResult result = new PolicyEngine(RuleLoader.builtIn(), file -> List.of()).run(parsed.resources(), files);
        assertEquals(List.of(), result.ruleErrors());
        Set<String> found = new TreeSet<>();
        for (Finding f : result.findings()) {
            found.add(f.ruleId() + " " + f.resource() + " " + f.file() + ":" + f.startLine());
        }
        System.out.println("cfngoat: " + result.findings().size() + " findings");
        found.forEach(f -> System.out.println("  " + f));
        for (String expected : List.of(
                "TG-AWS-S3-004 AWS::S3::Bucket.DataBucket cfngoat.yaml:923",            // AccessControl: PublicRead
                "TG-AWS-EC2-001 AWS::EC2::SecurityGroup.WebNodeSG cfngoat.yaml:126",    // SSH from 0.0.0.0/0
                "TG-AWS-EC2-003 AWS::EC2::SecurityGroup.WebNodeSG cfngoat.yaml:130",    // IpProtocol "-1" from 0.0.0.0/0
                "TG-AWS-RDS-001 AWS::RDS::DBInstance.DefaultDB cfngoat.yaml:488",       // StorageEncrypted: False
                "TG-AWS-RDS-002 AWS::RDS::DBInstance.DefaultDB cfngoat.yaml:490",       // PubliclyAccessible: True
                "TG-AWS-EBS-001 AWS::EC2::Volume.WebHostStorage cfngoat.yaml:73")) {     // no Encrypted at all
            assertTrue(found.contains(expected), expected + " not among " + found);
        }
    }
}
