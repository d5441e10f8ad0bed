package dev.tollgate.iac;

import dev.tollgate.iac.cloudformation.CloudFormationReader;
import dev.tollgate.iac.terraform.TerraformReader;

import java.util.List;

/** Every IaC format Tollgate reads, in one place: the scan pipeline, the rule tester and the bot use this list. */
public final class IacReaders {
    private static final List<IacReader> ALL = List.of(new TerraformReader(), new CloudFormationReader());

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
