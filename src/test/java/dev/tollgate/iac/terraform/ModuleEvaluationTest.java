package dev.tollgate.iac.terraform;

import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.Unknown;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.tollgate.iac.terraform.TerraformFixtures.byAddress;
import static dev.tollgate.iac.terraform.TerraformFixtures.list;
import static dev.tollgate.iac.terraform.TerraformFixtures.map;
import static dev.tollgate.iac.terraform.TerraformFixtures.read;
import static dev.tollgate.iac.terraform.TerraformFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleEvaluationTest {

    private static final String BUCKET_WITH_VAR = """
            resource "aws_s3_bucket" "b" {
              bucket = var.name
              acl    = "private"
            }
            """;

    @Test
    void variableDefaultsAreOverriddenByTfvarsInTerraformLoadOrder() {
        String variables = "variable \"name\" {\n  default = \"from-default\"\n}\n";
        assertEquals("from-default", bucketName(read("m/main.tf", BUCKET_WITH_VAR, "m/variables.tf", variables)));
        assertEquals("from-tfvars", bucketName(read("m/main.tf", BUCKET_WITH_VAR, "m/variables.tf", variables,
                "m/terraform.tfvars", "name = \"from-tfvars\"\n")));
        assertEquals("from-json", bucketName(read("m/main.tf", BUCKET_WITH_VAR, "m/variables.tf", variables,
                "m/terraform.tfvars", "name = \"from-tfvars\"\n",
                "m/terraform.tfvars.json", "{\"name\": \"from-json\"}")));
        // *.auto.tfvars(.json) come after terraform.tfvars(.json), in lexical order: the last one wins.
        assertEquals("from-b-auto", bucketName(read(
                "m/b.auto.tfvars.json", "{\"name\": \"from-b-auto\"}",
                "m/a.auto.tfvars", "name = \"from-a-auto\"\n",
                "m/terraform.tfvars", "name = \"from-tfvars\"\n",
                "m/main.tf", BUCKET_WITH_VAR, "m/variables.tf", variables)));
    }

    @Test
    void aVariableFileThatTerraformDoesNotLoadIsSkippedNotApplied() {
        ParsedFiles parsed = read("main.tf", BUCKET_WITH_VAR,
                "variables.tf", "variable \"name\" {\n  default = \"d\"\n}\n",
                "prod.tfvars", "name = \"prod\"\n");
        assertEquals("d", bucketName(parsed));
        assertEquals(List.of("prod.tfvars"), parsed.skipped().stream().map(s -> s.file()).toList());
    }

    @Test
    void tfvarsAreConvertedToTheVariablesPrimitiveType() {
        ParsedFiles parsed = read("main.tf", "variable \"n\" {\n  type = number\n}\n"
                        + "resource \"t\" \"r\" {\n  v = var.n + 1\n}\n",
                "terraform.tfvars.json", "{\"n\": \"41\"}");
        assertEquals(42L, resource(parsed, "t.r").attributes().get("v"));
    }

    /** checkov issue #3517: a file scanned without its variables.tf sibling must not invent a value. */
    @Test
    void aVariableIsUnknownWithoutItsDeclarationAndResolvedWithIt() {
        assertEquals(Unknown.VALUE, bucketName(read("main.tf", BUCKET_WITH_VAR)));
        assertEquals("logs", bucketName(read("main.tf", BUCKET_WITH_VAR,
                "variables.tf", "variable \"name\" {\n  type    = string\n  default = \"logs\"\n}\n")));
        // A sibling in another directory is another module and does not count.
        assertEquals(Unknown.VALUE, bucketName(read("main.tf", BUCKET_WITH_VAR,
                "other/variables.tf", "variable \"name\" {\n  default = \"logs\"\n}\n")));
    }

    @Test
    void aBrokenJsonVariableFileIsAnErrorWithItsPosition() {
        ParsedFiles parsed = read("main.tf", BUCKET_WITH_VAR, "variables.tf", "variable \"name\" {\n  default = \"d\"\n}\n",
                "terraform.tfvars.json", "{\n  \"name\": \"x\",\n  oops\n}");
        assertEquals("d", bucketName(parsed));
        assertEquals(1, parsed.errors().size());
        assertEquals("terraform.tfvars.json", parsed.errors().get(0).file());
        assertEquals(3, parsed.errors().get(0).line());
    }

    @Test
    void aVariableWithoutDefaultOrTfvarsIsUnknown() {
        assertEquals(Unknown.VALUE, bucketName(read("main.tf", BUCKET_WITH_VAR, "variables.tf", "variable \"name\" {}\n")));
    }

    @Test
    void localsResolveInAnyOrderAndCyclesAreUnknown() {
        ParsedFiles parsed = read("a.tf", """
                locals {
                  full = "${local.prefix}-${local.env}"
                  loop_a = local.loop_b
                }
                resource "t" "r" {
                  name  = local.full
                  loop  = local.loop_a
                  items = [local.full, local.loop_a]
                }
                """, "b.tf", """
                locals {
                  prefix = upper(var.team)
                  env    = "prod"
                  loop_b = "${local.loop_a}x"
                }
                variable "team" {
                  default = "data"
                }
                """);
        Map<String, Object> attrs = resource(parsed, "t.r").attributes();
        assertEquals("DATA-prod", attrs.get("name"));
        assertEquals(Unknown.VALUE, attrs.get("loop"));
        assertEquals(List.of("DATA-prod", Unknown.VALUE), attrs.get("items"));
    }

    @Test
    void countExpandsWithIndexedAddressesAndCountIndex() {
        ParsedFiles parsed = read("main.tf", """
                resource "aws_instance" "web" {
                  count         = 2
                  instance_type = "t3.micro"
                  tags = {
                    Name = "web-${count.index}"
                  }
                }
                resource "aws_instance" "none" {
                  count = 0
                  ami   = "x"
                }
                """);
        assertEquals(List.of("aws_instance.web[0]", "aws_instance.web[1]"),
                parsed.resources().stream().map(Resource::address).toList());
        Resource second = resource(parsed, "aws_instance.web[1]");
        assertEquals(Map.of("Name", "web-1"), second.attributes().get("tags"));
        assertEquals("aws_instance.web", second.baseAddress());
        assertEquals(1, second.startLine());
        assertEquals(7, second.endLine());
        assertEquals(3, second.lines().get("instance_type"));
        assertEquals(5, second.lines().get("tags.Name"));
        assertFalse(second.attributes().containsKey("count"), "meta-arguments are not attributes");
    }

    @Test
    void forEachExpandsMapsAndSetsWithQuotedKeys() {
        ParsedFiles parsed = read("main.tf", """
                resource "aws_s3_bucket" "b" {
                  for_each = { logs = "private", site = "public-read" }
                  bucket   = "acme-${each.key}"
                  acl      = each.value
                }
                resource "aws_iam_user" "u" {
                  for_each = toset(["bob", "alice", "bob"])
                  name     = each.value
                }
                """);
        assertEquals("public-read", resource(parsed, "aws_s3_bucket.b[\"site\"]").attributes().get("acl"));
        assertEquals("acme-logs", resource(parsed, "aws_s3_bucket.b[\"logs\"]").attributes().get("bucket"));
        assertEquals(List.of("aws_s3_bucket.b[\"logs\"]", "aws_s3_bucket.b[\"site\"]",
                        "aws_iam_user.u[\"alice\"]", "aws_iam_user.u[\"bob\"]"),
                parsed.resources().stream().map(Resource::address).toList());
    }

    @Test
    void unknownCountOrForEachGivesOnePlainInstanceWithUnknownIndex() {
        ParsedFiles parsed = read("main.tf", """
                variable "names" {}
                variable "n" {}
                resource "aws_s3_bucket" "b" {
                  for_each = var.names
                  bucket   = each.key
                  acl      = "private"
                }
                resource "aws_instance" "i" {
                  count = var.n
                  name  = "i-${count.index}"
                  ami   = "ami-1"
                }
                resource "aws_instance" "empty" {
                  for_each = {}
                  ami      = "ami-1"
                }
                """);
        assertEquals(Set.of("aws_s3_bucket.b", "aws_instance.i"), byAddress(parsed).keySet());
        Map<String, Object> bucket = resource(parsed, "aws_s3_bucket.b").attributes();
        assertEquals(Unknown.VALUE, bucket.get("bucket"));
        assertEquals("private", bucket.get("acl"));
        assertEquals(Unknown.VALUE, resource(parsed, "aws_instance.i").attributes().get("name"));
    }

    @Test
    void nestedBlocksAreAlwaysListsOfMapsWithLines() {
        ParsedFiles parsed = read("main.tf", """
                resource "aws_s3_bucket" "b" {
                  bucket = "x"
                  versioning {
                    enabled = true
                  }
                  server_side_encryption_configuration {
                    rule {
                      apply_server_side_encryption_by_default {
                        sse_algorithm = "aws:kms"
                      }
                    }
                  }
                }
                """);
        Resource b = resource(parsed, "aws_s3_bucket.b");
        assertEquals(List.of(Map.of("enabled", true)), b.attributes().get("versioning"));
        Object sse = list(b.attributes().get("server_side_encryption_configuration")).get(0);
        Object rule = list(map(sse).get("rule")).get(0);
        Object byDefault = list(map(rule).get("apply_server_side_encryption_by_default")).get(0);
        assertEquals("aws:kms", map(byDefault).get("sse_algorithm"));
        assertEquals(3, b.lines().get("versioning[0]"));
        assertEquals(4, b.lines().get("versioning[0].enabled"));
        assertEquals(9, b.lines().get("server_side_encryption_configuration[0].rule[0]"
                + ".apply_server_side_encryption_by_default[0].sse_algorithm"));
    }

    @Test
    void dynamicBlocksExpandInSourceOrderWithContentLines() {
        ParsedFiles parsed = read("main.tf", """
                locals {
                  ports = [22, 443]
                }
                resource "aws_security_group" "sg" {
                  ingress {
                    from_port = 80
                  }
                  dynamic "ingress" {
                    for_each = local.ports
                    iterator = port
                    content {
                      from_port   = port.value
                      cidr_blocks = ["10.0.${port.key}.0/24"]
                    }
                  }
                  dynamic "egress" {
                    for_each = { all = "0.0.0.0/0" }
                    content {
                      cidr_blocks = [egress.value]
                      description = egress.key
                    }
                  }
                }
                """);
        Resource sg = resource(parsed, "aws_security_group.sg");
        assertEquals(List.of(Map.of("from_port", 80L),
                        Map.of("from_port", 22L, "cidr_blocks", List.of("10.0.0.0/24")),
                        Map.of("from_port", 443L, "cidr_blocks", List.of("10.0.1.0/24"))),
                sg.attributes().get("ingress"));
        assertEquals(List.of(Map.of("cidr_blocks", List.of("0.0.0.0/0"), "description", "all")),
                sg.attributes().get("egress"));
        assertEquals(5, sg.lines().get("ingress[0]"));
        assertEquals(11, sg.lines().get("ingress[2]"));
        assertEquals(12, sg.lines().get("ingress[2].from_port"));
        assertEquals(13, sg.lines().get("ingress[1].cidr_blocks"));
        assertEquals(19, sg.lines().get("egress[0].cidr_blocks"));
    }

    @Test
    void aDynamicBlockOverAnUnknownCollectionIsReadOnceWithAnUnknownIterator() {
        ParsedFiles parsed = read("main.tf", """
                variable "rules" {}
                resource "aws_security_group" "sg" {
                  name = "sg"
                  dynamic "ingress" {
                    for_each = var.rules
                    content {
                      from_port = ingress.value.port
                      protocol  = "tcp"
                    }
                  }
                }
                """);
        Map<String, Object> attrs = resource(parsed, "aws_security_group.sg").attributes();
        assertEquals(List.of(Map.of("from_port", Unknown.VALUE, "protocol", "tcp", Unknown.SPECULATIVE_KEY, true)),
                attrs.get("ingress"), "the content's literal settings are read; values from the iterator stay unknown;"
                        + " the element is marked as one whose existence is unknown");
        assertEquals("sg", attrs.get("name"));
    }

    @Test
    void referencesResolveConfiguredAttributesAndNameTheirResources() {
        ParsedFiles parsed = read("main.tf", """
                resource "aws_s3_bucket" "b" {
                  bucket = "acme-logs"
                }
                resource "aws_s3_bucket_versioning" "v" {
                  bucket = aws_s3_bucket.b.id
                  name   = aws_s3_bucket.b.bucket
                  versioning_configuration {
                    status = "Enabled"
                  }
                }
                locals {
                  bucket_arn = aws_s3_bucket.b.arn
                }
                resource "aws_s3_bucket_policy" "p" {
                  bucket = local.bucket_arn
                }
                resource "aws_kms_key" "k" {
                  count = 2
                  description = "k${count.index}"
                }
                resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
                  bucket = aws_s3_bucket.b.bucket
                  key    = aws_kms_key.k[1].description
                  all    = aws_kms_key.k[*].description
                }
                """);
        Resource versioning = resource(parsed, "aws_s3_bucket_versioning.v");
        assertEquals(Unknown.VALUE, versioning.attributes().get("bucket"));
        assertEquals("acme-logs", versioning.attributes().get("name"));
        assertEquals(Set.of("aws_s3_bucket.b"), versioning.references());
        Resource policy = resource(parsed, "aws_s3_bucket_policy.p");
        assertEquals(Set.of("aws_s3_bucket.b"), policy.references(), "references through locals count");
        assertEquals(Unknown.VALUE, policy.attributes().get("bucket"));
        Resource sse = resource(parsed, "aws_s3_bucket_server_side_encryption_configuration.e");
        assertEquals("k1", sse.attributes().get("key"));
        assertEquals(List.of("k0", "k1"), sse.attributes().get("all"));
        assertEquals(Set.of("aws_s3_bucket.b", "aws_kms_key.k"), sse.references());
        assertEquals(Set.of(), resource(parsed, "aws_s3_bucket.b").references());
    }

    @Test
    void dependsOnIsAReferenceButNotAnAttribute() {
        ParsedFiles parsed = read("main.tf", """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                resource "aws_s3_object" "o" {
                  key        = "k"
                  depends_on = [aws_s3_bucket.b]
                }
                """);
        Resource object = resource(parsed, "aws_s3_object.o");
        assertEquals(Set.of("aws_s3_bucket.b"), object.references());
        assertEquals(Set.of("key"), object.attributes().keySet());
    }

    @Test
    void dataSourcesModuleOutputsAndImpureFunctionsAreUnknown() {
        ParsedFiles parsed = read("main.tf", """
                data "aws_caller_identity" "me" {}
                module "net" {
                  source = "./net"
                }
                resource "t" "r" {
                  account = data.aws_caller_identity.me.account_id
                  vpc     = module.net.vpc_id
                  now     = timestamp()
                  mystery = not_a_function("x")
                  path    = "${path.module}/x"
                }
                """);
        Map<String, Object> attrs = resource(parsed, "t.r").attributes();
        assertEquals(Unknown.VALUE, attrs.get("account"));
        assertEquals(Unknown.VALUE, attrs.get("vpc"));
        assertEquals(Unknown.VALUE, attrs.get("now"));
        assertEquals(Unknown.VALUE, attrs.get("mystery"));
        assertEquals("./x", attrs.get("path"));
        assertEquals(1, parsed.resources().size(), "data sources and module calls are not resources");
    }

    @Test
    void providersAreResourcesAddressedByAlias() {
        ParsedFiles parsed = read("providers.tf", """
                provider "aws" {
                  region     = "us-east-1"
                  access_key = "AKIAIOSFODNN7EXAMPLE"
                }
                provider "aws" {
                  alias  = "west"
                  region = "us-west-2"
                }
                resource "aws_s3_bucket" "w" {
                  provider = aws.west
                  bucket   = "w"
                }
                """);
        Resource aws = resource(parsed, "aws.default");
        assertEquals("provider.aws", aws.type());
        assertEquals("AKIAIOSFODNN7EXAMPLE", aws.attributes().get("access_key"));
        assertEquals(3, aws.lines().get("access_key"));
        assertEquals("us-west-2", resource(parsed, "aws.west").attributes().get("region"));
        assertEquals("aws.west", resource(parsed, "aws_s3_bucket.w").attributes().get("provider"));
    }

    @Test
    void selfReadsTheResourcesOwnAttributesInNestedBlocks() {
        ParsedFiles parsed = read("main.tf", """
                resource "aws_instance" "i" {
                  ami = "ami-123"
                  provisioner "local-exec" {
                    command = "echo ${self.ami} ${self.private_ip}"
                    ami     = self.ami
                  }
                }
                """);
        Object provisioner = list(resource(parsed, "aws_instance.i").attributes().get("provisioner")).get(0);
        assertEquals("ami-123", map(provisioner).get("ami"));
        assertEquals(Unknown.VALUE, map(provisioner).get("command"));
    }

    @Test
    void policyDocumentsRenderToIamJson() throws Exception {
        ParsedFiles parsed = read("main.tf", """
                resource "aws_s3_bucket" "b" {
                  bucket = "acme"
                }
                data "aws_iam_policy_document" "admin" {
                  statement {
                    sid       = "All"
                    actions   = ["*"]
                    resources = ["*"]
                    principals {
                      type        = "AWS"
                      identifiers = ["arn:aws:iam::123456789012:root"]
                    }
                    condition {
                      test     = "Bool"
                      variable = "aws:SecureTransport"
                      values   = ["false"]
                    }
                  }
                }
                data "aws_iam_policy_document" "unknown" {
                  statement {
                    actions   = ["s3:GetObject"]
                    resources = ["${aws_s3_bucket.b.arn}/*"]
                  }
                }
                resource "aws_iam_policy" "p" {
                  policy = data.aws_iam_policy_document.admin.json
                }
                resource "aws_s3_bucket_policy" "bp" {
                  policy = data.aws_iam_policy_document.unknown.json
                }
                """);
        Object policy = resource(parsed, "aws_iam_policy.p").attributes().get("policy");
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"All\",\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}", policy);
        Resource bucketPolicy = resource(parsed, "aws_s3_bucket_policy.bp");
        assertEquals(Unknown.VALUE, bucketPolicy.attributes().get("policy"));
        assertEquals(Set.of("aws_s3_bucket.b"), bucketPolicy.references(), "references through data sources count");
    }

    @Test
    void fileAndTemplatefileReadOnlyTheModulesGivenFiles() {
        String main = """
                resource "aws_iam_policy" "p" {
                  policy  = file("${path.module}/policy.json")
                  missing = file("${path.module}/nope.json")
                  outside = file("${path.module}/../secret.txt")
                  script  = templatefile("${path.module}/tpl/user_data.sh", { name = "web", ports = [22, 80] })
                }
                """;
        ParsedFiles parsed = read("mod/main.tf", main,
                "mod/policy.json", "{\"Version\": \"2012-10-17\"}",
                "mod/tpl/user_data.sh", "hello ${name}%{ for p in ports } ${p}%{ endfor }\n",
                "secret.txt", "do not read");
        Map<String, Object> attrs = resource(parsed, "aws_iam_policy.p").attributes();
        assertEquals("{\"Version\": \"2012-10-17\"}", attrs.get("policy"));
        assertEquals(Unknown.VALUE, attrs.get("missing"));
        assertEquals(Unknown.VALUE, attrs.get("outside"));
        assertEquals("hello web 22 80\n", attrs.get("script"));
    }

    @Test
    void parseErrorsAreReportedWithPositionsAndTheModuleIsStillRead() {
        ParsedFiles parsed = read("good.tf", "resource \"t\" \"ok\" {\n  a = 1\n}\n",
                "bad.tf", "resource \"t\" \"before\" {\n  a = 1\n}\n\nresource \"t\" \"broken\" {\n  a = = 2\n}\n");
        assertTrue(byAddress(parsed).containsKey("t.ok"));
        assertFalse(parsed.errors().isEmpty());
        assertEquals("bad.tf", parsed.errors().get(0).file());
        assertEquals(6, parsed.errors().get(0).line());
        assertTrue(parsed.errors().get(0).column() > 0);
    }

    @Test
    void jsonSyntaxFilesJoinTheirModule() {
        ParsedFiles parsed = read("variables.tf", "variable \"acl\" {\n  default = \"public-read\"\n}\n",
                "main.tf.json", """
                {
                  "resource": {
                    "aws_s3_bucket": {
                      "b": {
                        "bucket": "acme-${var.acl}",
                        "acl": "${var.acl}",
                        "count": 1
                      }
                    }
                  }
                }
                """);
        Resource b = resource(parsed, "aws_s3_bucket.b[0]");
        assertEquals("main.tf.json", b.file());
        assertEquals("public-read", b.attributes().get("acl"));
        assertEquals("acme-public-read", b.attributes().get("bucket"));
        assertEquals(6, b.lines().get("acl"));
    }

    @Test
    void numbersAreLongWhenIntegralAndDoubleOtherwise() {
        ParsedFiles parsed = read("main.tf", "resource \"t\" \"r\" {\n  a = 10\n  b = 2.5\n  c = 10 / 4\n  d = 3 * 1.0\n}\n");
        Map<String, Object> attrs = resource(parsed, "t.r").attributes();
        assertEquals(10L, attrs.get("a"));
        assertEquals(2.5, attrs.get("b"));
        assertEquals(2.5, attrs.get("c"));
        assertEquals(3L, attrs.get("d"));
    }

    private static Object bucketName(ParsedFiles parsed) {
        return resource(parsed, "aws_s3_bucket.b").attributes().get("bucket");
    }
}
