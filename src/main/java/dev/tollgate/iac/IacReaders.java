package dev.tollgate.iac;

import dev.tollgate.iac.cloudformation.CloudFormationReader;
import dev.tollgate.iac.dockerfile.DockerfileReader;
import dev.tollgate.iac.kubernetes.KubernetesReader;
import dev.tollgate.iac.terraform.TerraformReader;
import dev.tollgate.iac.tfplan.TerraformPlanReader;

import java.util.List;

/** Every IaC format Tollgate reads, in one place: the scan pipeline, the rule tester and the bot use this list. */
public final class IacReaders {
    private static final List<IacReader> ALL = List.of(new TerraformReader(), new CloudFormationReader(),
            new KubernetesReader(), new DockerfileReader(), new TerraformPlanReader());

    private IacReaders() {
    }

    public static List<IacReader> all() {
        return ALL;
    }

    /** Whether some reader takes a file with this path (its content decides whether it is really IaC). */
    public static boolean accepts(String path) {
        return ALL.stream().anyMatch(reader -> reader.accepts(path));
    }
}
