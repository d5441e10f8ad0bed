package dev.tollgate.iac.cloudformation;

import dev.tollgate.iac.DeclaredException;
import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.Unknown;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudFormationReaderTest {

    private static ParsedFiles read(String path, String text) {
        return new CloudFormationReader().read(List.of(new SourceFile(path, text)));
    }

    private static Resource only(ParsedFiles parsed, String address) {
        return parsed.resources().stream().filter(r -> r.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError(address + " not in " + parsed.resources()));
    }

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Env:
                Type: String
                Default: prod
              Cidr:
                Type: String
                Default: 0.0.0.0/0
              Secret:
                Type: String
              Zones:
                Type: CommaDelimitedList
                Default: a,b,c
              Ami:
                Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
                Default: /aws/service/ami
            Mappings:
              Sizes:
                prod: {Volume: 100}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              IsDev: !Not [!Condition IsProd]
              Both: {"Fn::And": [{"Condition": "IsProd"}, !Equals [1, "1"]]}
              Regional: !Equals [!Ref "AWS::Region", eu-west-1]
            Resources:
              Logs:
                Type: AWS::S3::Bucket
              Data:
                Type: AWS::S3::Bucket
                DependsOn: [Logs]
                Properties:
                  BucketName: !Sub '${Env}-data-${AWS::AccountId}'
                  Plain: !Sub 'app-${Env}-${!Literal}'
                  Joined: !Join ['-', [a, !Ref Env, !Select [1, !Ref Zones]]]
                  Split: !Split [',', 'x,y']
                  Size: !FindInMap [Sizes, !Ref Env, Volume]
                  Versioning: !If [IsProd, {Status: Enabled}, !Ref "AWS::NoValue"]
                  Removed: !If [IsDev, yes, !Ref "AWS::NoValue"]
                  Both: !If [Both, on, off]
                  Regional: !If [Regional, a, b]
                  Secret: !Ref Secret
                  Ami: !Ref Ami
                  Logging:
                    DestinationBucketName: {"Ref": "Logs"}
                    Arn: !GetAtt Logs.Arn
                  Rules:
                    - CidrIp: !Ref Cidr
                      FromPort: '22'
                    - !Ref "AWS::NoValue"
                    - CidrIp: 10.0.0.0/8
                  Long: {"Fn::Join": ["", ["x", {"Fn::Base64": "hi"}]]}
              DevOnly:
                Type: AWS::EC2::Volume
                Condition: IsDev
              MaybeRegional:
                Type: AWS::EC2::Volume
                Condition: Regional
                Properties:
                  Encrypted: "true"
            """;

    @Test
    void resolvesIntrinsicsStaticallyAndLeavesTheRestUnknown() {
        ParsedFiles parsed = read("stack.yaml", TEMPLATE);
        assertEquals(List.of(), parsed.errors());
        Map<String, Object> data = only(parsed, "AWS::S3::Bucket.Data").attributes();
        assertEquals(Unknown.VALUE, data.get("BucketName"), "AWS::AccountId is not known");
        assertEquals("app-prod-${Literal}", data.get("Plain"));
        assertEquals("a-prod-b", data.get("Joined"));
        assertEquals(List.of("x", "y"), data.get("Split"));
        assertEquals(100L, data.get("Size"));
        assertEquals(Map.of("Status", "Enabled"), data.get("Versioning"));
        assertFalse(data.containsKey("Removed"), "AWS::NoValue removes the key");
        assertEquals("on", data.get("Both"));
        assertEquals(Unknown.VALUE, data.get("Regional"), "a condition on AWS::Region is unknown");
        assertEquals(Unknown.VALUE, data.get("Secret"), "a parameter without default is unknown");
        assertEquals(Unknown.VALUE, data.get("Ami"), "an SSM parameter default is a name, not the value");
        assertEquals(Map.of("DestinationBucketName", Unknown.VALUE, "Arn", Unknown.VALUE), data.get("Logging"));
        assertEquals(List.of(Map.of("CidrIp", "0.0.0.0/0", "FromPort", "22"), Map.of("CidrIp", "10.0.0.0/8")),
                data.get("Rules"));
        assertEquals("xaGk=", data.get("Long"));
    }

    @Test
    void recordsLinesOfPropertyPathsAndTheResourceBlock() {
        ParsedFiles parsed = read("stack.yaml", TEMPLATE);
        Resource data = only(parsed, "AWS::S3::Bucket.Data");
        assertEquals(28, data.startLine());
        assertEquals(51, data.endLine());
        assertEquals(32, data.lines().get("BucketName"));
        assertEquals(37, data.lines().get("Versioning"));
        assertEquals(37, data.lines().get("Versioning.Status"), "the chosen branch keeps its own position");
        assertEquals(44, data.lines().get("Logging.DestinationBucketName"));
        assertEquals(47, data.lines().get("Rules[0]"));
        assertEquals(48, data.lines().get("Rules[0].FromPort"));
        assertEquals(50, data.lines().get("Rules[1].CidrIp"), "items after a removed one move up");
        assertFalse(data.lines().containsKey("Rules[2]"));
        assertEquals(Set.of("AWS::S3::Bucket.Logs"), data.references());
        Resource logs = only(parsed, "AWS::S3::Bucket.Logs");
        assertEquals(Map.of(), logs.attributes());
        assertEquals(26, logs.startLine());
        assertEquals(27, logs.endLine());
    }

    @Test
    void knownFalseConditionDropsTheResourceUnknownKeepsIt() {
        ParsedFiles parsed = read("stack.yaml", TEMPLATE);
        assertTrue(parsed.resources().stream().noneMatch(r -> r.address().endsWith(".DevOnly")));
        assertEquals("true", only(parsed, "AWS::EC2::Volume.MaybeRegional").attributes().get("Encrypted"));
    }

    @Test
    void readsJsonTemplatesWithPositions() {
        String json = """
                {
                  "Resources": {
                    "Key": {
                      "Type": "AWS::KMS::Key",
                      "Properties": {
                        "EnableKeyRotation": false,
                        "Tags": [{"Key": "a", "Value": {"Fn::Sub": "${AWS::StackName}"}}]
                      }
                    }
                  }
                }
                """;
        ParsedFiles parsed = read("key.template", json);
        Resource key = only(parsed, "AWS::KMS::Key.Key");
        assertEquals(false, key.attributes().get("EnableKeyRotation"));
        assertEquals(6, key.lines().get("EnableKeyRotation"));
        assertEquals(7, key.lines().get("Tags[0].Value"));
        assertEquals(3, key.startLine());
        assertEquals(9, key.endLine());
        assertEquals("cloudformation", key.format());
    }

    @Test
    void mergesSamGlobalsUnderTheResourcesOwnProperties() {
        String sam = """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: python3.12
                    Environment:
                      Variables: {STAGE: prod, LEVEL: info}
                    Layers: [global-layer]
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.11
                      Environment:
                        Variables: {LEVEL: debug}
                      Layers: [own-layer]
                  Table:
                    Type: AWS::DynamoDB::Table
                """;
        ParsedFiles parsed = read("template.yaml", sam);
        Resource fn = only(parsed, "AWS::Serverless::Function.Fn");
        assertEquals("python3.11", fn.attributes().get("Runtime"));
        assertEquals(Map.of("Variables", Map.of("STAGE", "prod", "LEVEL", "debug")), fn.attributes().get("Environment"));
        assertEquals(List.of("global-layer", "own-layer"), fn.attributes().get("Layers"));
        assertEquals(12, fn.lines().get("Runtime"));
        assertEquals(14, fn.lines().get("Environment.Variables.LEVEL"));
        assertEquals(6, fn.lines().get("Environment.Variables.STAGE"), "a global keeps its Globals line");
        assertEquals(15, fn.lines().get("Layers[1]"), "the resource's list items follow the global ones");
        assertEquals(Map.of(), only(parsed, "AWS::DynamoDB::Table.Table").attributes());
    }

    @Test
    void metadataExceptionsBecomeDeclaredExceptionsInTheCommentForm() {
        String template = """
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                    Metadata:
                      tollgate:
                        exceptions:
                          - rule: TG-AWS-S3-002
                            owner: team-data
                            expires: 2030-01-31
                            reason: logs are "replayable" \\ recreated
                          - rule: TG-AWS-S3-003
                            reason: no owner given
                  Other:
                    Type: AWS::S3::Bucket
                    Metadata:
                      tollgate:
                        exceptions: {rule: TG-AWS-S3-005, owner: sec team, expires: 2030-02-01, reason: single}
                """;
        List<DeclaredException> exceptions = read("b.yaml", template).exceptions();
        assertEquals(List.of(
                new DeclaredException("b.yaml", 7, "AWS::S3::Bucket.Bucket",
                        "TG-AWS-S3-002 owner=team-data expires=2030-01-31 reason=\"logs are \\\"replayable\\\" \\\\ recreated\""),
                new DeclaredException("b.yaml", 11, "AWS::S3::Bucket.Bucket", "TG-AWS-S3-003 reason=\"no owner given\""),
                new DeclaredException("b.yaml", 17, "AWS::S3::Bucket.Other",
                        "TG-AWS-S3-005 owner=\"sec team\" expires=2030-02-01 reason=\"single\"")), exceptions);
    }

    @Test
    void leavesOtherYamlAndJsonToOtherReaders() {
        assertEquals(new ParsedFiles(List.of(), List.of(), List.of(), List.of()),
                read("deploy.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n"));
        assertEquals(new ParsedFiles(List.of(), List.of(), List.of(), List.of()),
                read("chart/templates/x.yaml", "metadata:\n  name: {{ .Values.name }}\n  bad: [\n"));
        assertEquals(new ParsedFiles(List.of(), List.of(), List.of(), List.of()),
                read("package.json", "{\"name\": \"x\", \"Resources\": {\"a\": 1}}"));
        assertFalse(new CloudFormationReader().accepts("main.tf"));
        assertTrue(new CloudFormationReader().accepts("stacks/App.Template"));
    }

    @Test
    void brokenTemplateIsAnErrorWithItsPosition() {
        ParsedFiles parsed = read("s.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: [a, b\n");
        assertEquals(1, parsed.errors().size());
        ScanError error = parsed.errors().get(0);
        assertEquals("s.yaml", error.file());
        assertTrue(error.line() >= 4, error.toString());
        assertTrue(error.column() > 0, error.toString());
        assertTrue(parsed.resources().isEmpty());
    }

    @Test
    void duplicateKeysAreRejectedAtTheDuplicate() {
        ParsedFiles parsed = read("s.yaml", """
                Resources:
                  B:
                    Type: AWS::S3::Bucket
                    Properties:
                      AccessControl: Private
                      AccessControl: PublicRead
                """);
        assertEquals(List.of(new ScanError("s.yaml", 6, 7, "duplicate key 'AccessControl'")), parsed.errors());
        assertTrue(parsed.resources().isEmpty());
    }

    @Test
    void aliasBombIsAnErrorNotAHang() {
        StringBuilder yaml = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("x").append(i).append(": &a").append(i).append(" [");
            yaml.append(String.join(", ", java.util.Collections.nCopies(5, "*a" + (i - 1)))).append("]\n");
        }
        yaml.append("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *a9\n");
        ParsedFiles parsed = read("bomb.yaml", yaml.toString());
        assertEquals(1, parsed.errors().size(), parsed.errors().toString());
        assertTrue(parsed.resources().isEmpty());
    }

    @Test
    void deepNestingAndHugeFilesAreErrors() {
        String deep = "AWSTemplateFormatVersion: x\nResources: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        ParsedFiles nested = read("deep.yaml", deep);
        assertEquals(1, nested.errors().size());
        assertTrue(nested.errors().get(0).message().contains("nesting"), nested.errors().toString());
        assertEquals(2, nested.errors().get(0).line());

        String huge = "AWSTemplateFormatVersion: x\n# " + "a".repeat(TemplateYaml.MAX_CHARS) + "\n";
        ParsedFiles large = read("huge.yaml", huge);
        assertEquals(1, large.errors().size());
        assertTrue(large.errors().get(0).message().contains("larger than"));
    }

    @Test
    void recursiveAliasesAndConditionCyclesDoNotLoop() {
        ParsedFiles parsed = read("r.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Conditions:
                  A: !Condition B
                  B: !Not [!Condition A]
                Resources:
                  B:
                    Type: AWS::S3::Bucket
                    Condition: A
                    Properties:
                      Tags: &t [x, *t]
                """);
        assertEquals(1, parsed.errors().size(), parsed.errors().toString());
        ParsedFiles cycle = read("c.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Conditions:
                  A: !Condition B
                  B: !Not [!Condition A]
                Resources:
                  B:
                    Type: AWS::S3::Bucket
                    Condition: A
                    Properties:
                      Name: !If [B, x, y]
                """);
        assertEquals(1, cycle.errors().size(), "CloudFormation rejects circular conditions: " + cycle.errors());
        assertTrue(cycle.errors().get(0).message().contains("depends on itself"), cycle.errors().toString());
    }

    @Test
    void parametersAndMappingsThatReferToThemselvesAreErrorsNamingTheCycle() {
        ParsedFiles parameter = read("p.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  P: {Type: String, Default: !Ref P}
                Resources:
                  B:
                    Type: AWS::S3::Bucket
                    Properties: {AccessControl: !Ref P}
                """);
        assertEquals(1, parameter.errors().size(), parameter.errors().toString());
        assertTrue(parameter.errors().get(0).message().contains("parameter P refers to itself"));
        assertEquals(3, parameter.errors().get(0).line());
        ParsedFiles mapping = read("m.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Mappings:
                  M: {a: {v: !FindInMap [M, a, v]}}
                Resources:
                  B:
                    Type: AWS::S3::Bucket
                    Properties: {AccessControl: !FindInMap [M, a, v]}
                """);
        assertEquals(1, mapping.errors().size(), mapping.errors().toString());
        assertTrue(mapping.errors().get(0).message().contains("mapping M.a.v refers to itself"));
    }
}
