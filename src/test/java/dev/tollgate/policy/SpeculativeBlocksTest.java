package dev.tollgate.policy;

import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.terraform.TerraformReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dynamic blocks over unknown collections: their content is judged, their mere presence is not. */
class SpeculativeBlocksTest {

    private static PolicyResult scan(String tf) {
        SourceFile file = new SourceFile("main.tf", tf);
        return PolicyEngine.builtIn().run(new TerraformReader().read(List.of(file)).resources(), List.of());
    }

    private static List<String> rules(PolicyResult result, String prefix) {
        return result.findings().stream().map(Finding::ruleId).filter(id -> id.startsWith(prefix)).toList();
    }

    @Test
    void anInvalidSettingInsideAConditionalBlockIsReportedAtItsLine() {
        PolicyResult result = scan("""
                variable "encrypt" {}
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                  dynamic "server_side_encryption_configuration" {
                    for_each = var.encrypt ? [1] : []
                    content {
                      rule {
                        apply_server_side_encryption_by_default {
                          sse_algorithm = "AES-256"
                        }
                      }
                    }
                  }
                }
                """);
        Finding finding = result.findings().stream().filter(f -> f.ruleId().equals("TG-AWS-S3-001")).findFirst()
                .orElseThrow(() -> new AssertionError("S3-001 on the invalid algorithm: " + result.findings()));
        assertEquals(9, finding.startLine());
    }

    @Test
    void aBlockThatOnlyMayExistIsNotReportedForExisting() {
        PolicyResult result = scan("""
                variable "public_ips" {}
                resource "google_compute_instance" "vm" {
                  name         = "vm"
                  machine_type = "e2-small"
                  zone         = "europe-west1-b"
                  network_interface {
                    network = "default"
                    dynamic "access_config" {
                      for_each = var.public_ips
                      content {
                        nat_ip = access_config.value
                      }
                    }
                  }
                }
                """);
        assertEquals(List.of(), rules(result, "TG-GCP-GCE-002"));
        assertTrue(result.unknown().stream().anyMatch(w -> w.ruleId().equals("TG-GCP-GCE-002")),
                "the verdict is withheld, not a pass: " + result.unknown());
    }

    @Test
    void theSameBlockWrittenPlainlyIsReported() {
        PolicyResult result = scan("""
                resource "google_compute_instance" "vm" {
                  name         = "vm"
                  machine_type = "e2-small"
                  zone         = "europe-west1-b"
                  network_interface {
                    network = "default"
                    access_config {}
                  }
                }
                """);
        assertEquals(List.of("TG-GCP-GCE-002"), rules(result, "TG-GCP-GCE-002"));
    }
}
