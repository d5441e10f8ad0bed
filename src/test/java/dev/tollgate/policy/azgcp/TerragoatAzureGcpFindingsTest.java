package dev.tollgate.policy.azgcp;

import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.terraform.TerraformReader;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.PolicyEngine;
import dev.tollgate.policy.PolicyResult;
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
 * The Azure and GCP rules over TerraGoat's azure/ and gcp/ folders: every finding, as {@code file:line rule}, each
 * checked by reading the file. A missing entry is a control that stopped firing; an extra one a new false positive.
 */
class TerragoatAzureGcpFindingsTest {

    private static final Set<String> EXPECTED = Set.of(
            "azure/aks.tf:19 TG-AZ-AKS-002",            // kube_dashboard { enabled = true }
            "azure/aks.tf:23 TG-AZ-AKS-001",            // role_based_access_control { enabled = false }
            "azure/app_service.tf:27 TG-AZ-APP-001",    // https_only = false (app-service1 only)
            "azure/app_service.tf:29 TG-AZ-APP-002",    // min_tls_version = "1.1"
            "azure/key_vault.tf:1 TG-AZ-KV-001",        // no purge_protection_enabled
            "azure/mssql.tf:1 TG-AZ-STORAGE-001",       // no allow_nested_items_to_be_public (3.x default true)
            "azure/mssql.tf:1 TG-AZ-STORAGE-003",       // no min_tls_version
            "azure/mssql.tf:20 TG-AZ-SQL-002", "azure/mssql.tf:20 TG-AZ-SQL-003",
            "azure/mssql.tf:39 TG-AZ-SQL-002", "azure/mssql.tf:39 TG-AZ-SQL-003",
            "azure/mssql.tf:58 TG-AZ-SQL-002", "azure/mssql.tf:58 TG-AZ-SQL-003",
            "azure/mssql.tf:77 TG-AZ-SQL-002", "azure/mssql.tf:77 TG-AZ-SQL-003",
            "azure/mssql.tf:96 TG-AZ-SQL-002", "azure/mssql.tf:96 TG-AZ-SQL-003",
            "azure/mssql.tf:115 TG-AZ-SQL-002", "azure/mssql.tf:115 TG-AZ-SQL-003",
            "azure/mssql.tf:134 TG-AZ-SQL-002", "azure/mssql.tf:134 TG-AZ-SQL-003",
            "azure/networking.tf:80 TG-AZ-NET-001",     // AllowSSH: source "*", port "22-22"
            "azure/networking.tf:92 TG-AZ-NET-002",     // AllowRDP: source "*", port "3389-3389"
            "azure/sql.tf:59 TG-AZ-SQL-002",            // mysql public_network_access_enabled = true
            "azure/sql.tf:60 TG-AZ-SQL-004",            // mysql ssl_enforcement_enabled = false
            "azure/sql.tf:73 TG-AZ-SQL-002",            // postgresql: public access by default
            "azure/sql.tf:85 TG-AZ-SQL-004",            // postgresql ssl_enforcement_enabled = false
            "azure/storage.tf:23 TG-AZ-STORAGE-001", "azure/storage.tf:23 TG-AZ-STORAGE-003",
            "gcp/big_data.tf:8 TG-GCP-SQL-002",         // ip_configuration without require_ssl / ssl_mode
            "gcp/big_data.tf:12 TG-GCP-SQL-001",        // authorized network 0.0.0.0/0 with ipv4_enabled
            "gcp/gcs.tf:1 TG-GCP-GCS-002",              // no uniform_bucket_level_access
            "gcp/gcs.tf:19 TG-GCP-GCS-001",             // members = ["allUsers"]
            "gcp/gke.tf:6 TG-GCP-GKE-002",              // no private_cluster_config
            "gcp/gke.tf:12 TG-GCP-GKE-001",             // enable_legacy_abac = true
            "gcp/gke.tf:19 TG-GCP-GKE-003",             // master authorized network 0.0.0.0/0
            "gcp/instances.tf:15 TG-GCP-GCE-002",       // access_config {}
            "gcp/instances.tf:22 TG-GCP-GCE-001",       // serial-port-enable = true
            "gcp/networks.tf:22 TG-GCP-NET-001",        // tcp 0-65535 from 0.0.0.0/0
            "gcp/networks.tf:22 TG-GCP-NET-002");

    @Test
    void azureAndGcpFindingsAreExactlyTheMisconfigurationsInTheFiles() throws IOException {
        String shared = System.getProperty("tollgate.shared");
        Path root = shared == null ? null : Path.of(shared, "corpus", "iac", "terragoat", "terraform");
        assumeTrue(root != null && Files.isDirectory(root),
                "shared corpus not found (system property tollgate.shared): TerraGoat Azure/GCP test skipped");
        List<SourceFile> files = new ArrayList<>();
        for (String cloud : List.of("azure", "gcp")) {
            try (Stream<Path> walk = Files.list(root.resolve(cloud))) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
                    files.add(new SourceFile(cloud + "/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        }
        ParsedFiles parsed = new TerraformReader().read(files);
        PolicyResult result = PolicyEngine.builtIn().run(parsed.resources(), files);

        Set<String> actual = new TreeSet<>();
        for (Finding f : result.findings()) {
            if (f.ruleId().startsWith("TG-AZ-") || f.ruleId().startsWith("TG-GCP-")) {
                actual.add(f.file() + ":" + f.startLine() + " " + f.ruleId());
            }
        }
        assertTrue(result.ruleErrors().isEmpty(), "rule errors: " + result.ruleErrors());
        assertEquals(new TreeSet<>(EXPECTED), actual);
    }
}
