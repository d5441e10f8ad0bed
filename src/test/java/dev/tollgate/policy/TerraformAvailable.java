package dev.tollgate.policy;

import dev.tollgate.iac.hcl.HclParser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips a test while the HCL parser this branch merges is still a stub. */
final class TerraformAvailable {

    private TerraformAvailable() {
    }

    static void assume() {
        boolean available;
        try {
            new HclParser().parse("probe.tf", "a = 1\n");
            available = true;
        } catch (UnsupportedOperationException e) {
            available = false;
        }
        assumeTrue(available, "HCL parser not available yet (merge branch 'parser'): end-to-end tests skipped");
    }
}
