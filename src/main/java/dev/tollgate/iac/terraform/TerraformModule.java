package dev.tollgate.iac.terraform;

import dev.tollgate.iac.hcl.HclFile;

import java.util.List;
import java.util.Map;

/**
 * One directory of Terraform configuration: its parsed {@code .tf}/{@code .tf.json} files in the order given,
 * the variable values its auto-loaded tfvars files set, and the text of every scanned file (for {@code file()}).
 *
 * @param dir     the directory relative to the scanned root, "" for the root
 */
record TerraformModule(String dir, List<ConfigFile> configFiles, Map<String, Object> tfvars, Map<String, String> texts) {

    /** A parsed configuration file with the path it was given under. */
    record ConfigFile(String path, HclFile hcl) {
    }
}
