package dev.tollgate.iac;

/** A file that was recognised but deliberately not scanned, with the reason users will read. */
public record Skipped(String file, String reason) {

    /** The reason given to YAML or JSON that no reader recognised. */
    public static final String NOT_IAC = "not IaC: no CloudFormation template, Kubernetes object or Terraform plan in it";

    /** A YAML or JSON file that turned out not to be IaC at all (package.json, a CI config). */
    public static Skipped notIac(String file) {
        return new Skipped(file, NOT_IAC);
    }

    public boolean isNotIac() {
        return NOT_IAC.equals(reason);
    }
}
