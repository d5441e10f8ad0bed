package dev.tollgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tollgate.iac.IacFiles;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.hcl.HclInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print what the Terraform parser read from each file, as JSON.",
                "One object per file in the order given: blocks, attributes, line ranges, expression kinds and "
                        + "literals. Exit 0, or 2 when a file could not be read or is not Terraform."})
final class InspectCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Terraform files (.tf, .tf.json, .tfvars).")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        ArrayNode out = MAPPER.createArrayNode();
        HclInspector inspector = new HclInspector();
        boolean unreadable = false;
        for (Path file : files) {
            FileCollector collector = new FileCollector();
            collector.add(file);
            String path = file.normalize().toString().replace('\\', '/');
            if (collector.files().isEmpty()) {
                ScanError error = collector.errors().get(0);
                out.addObject().put("path", path).putArray("errors").add(error.message());
                unreadable = true;
                continue;
            }
            SourceFile source = collector.files().get(0);
            if (!IacFiles.isTerraform(path)) {
                out.addObject().put("path", path).putArray("errors")
                        .add("not a Terraform file (.tf, .tf.json, .tfvars); other formats are not inspected yet");
                unreadable = true;
                continue;
            }
            out.add(inspector.inspect(path, source.text()));
        }
        System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        return unreadable ? Main.USAGE : Main.OK;
    }
}
