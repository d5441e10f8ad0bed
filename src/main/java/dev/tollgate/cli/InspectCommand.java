package dev.tollgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.iac.IacFiles;
import dev.tollgate.iac.IacReader;
import dev.tollgate.iac.IacReaders;
import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.Unknown;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.hcl.HclInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print what the parsers read from each file, as JSON.",
                "One object per file in the order given. Terraform: blocks, attributes, line ranges, expression "
                        + "kinds and literals (the reference parser's shape). Other formats: the resources read, with "
                        + "their addresses, line ranges, evaluated attributes and attribute lines. Exit 0, or 2 when "
                        + "a file could not be read."})
final class InspectCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "IaC files (not directories).")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        ArrayNode out = MAPPER.createArrayNode();
        HclInspector inspector = new HclInspector();
        boolean unreadable = false;
        for (Path file : files) {
            if (java.nio.file.Files.isDirectory(file)) {
                out.addObject().put("path", file.toString()).putArray("errors")
                        .add("is a directory; inspect takes files (scan takes directories)");
                unreadable = true;
                continue;
            }
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
            if (IacFiles.isTerraform(path)) {
                out.add(inspector.inspect(path, source.text()));
            } else {
                ObjectNode read = resources(source);
                unreadable |= read.path("errors").size() > 0;
                out.add(read);
            }
        }
        System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        return unreadable ? Main.USAGE : Main.OK;
    }

    /** What the readers of the other formats made of one file: its resources, or why there are none. */
    private static ObjectNode resources(SourceFile file) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("path", file.path());
        ArrayNode errors = node.putArray("errors");
        ArrayNode skipped = node.putArray("skipped");
        ArrayNode resources = node.putArray("resources");
        for (IacReader reader : IacReaders.all()) {
            if (!reader.accepts(file.path())) {
                continue;
            }
            ParsedFiles parsed = reader.read(List.of(file));
            parsed.errors().forEach(e -> errors.add(file.path() + ":" + e.line() + "," + e.column() + ": " + e.message()));
            parsed.skipped().forEach(s -> skipped.add(s.reason()));
            for (Resource r : parsed.resources()) {
                ObjectNode resource = resources.addObject();
                resource.put("format", r.format()).put("type", r.type()).put("address", r.address())
                        .put("start_line", r.startLine()).put("end_line", r.endLine());
                resource.set("attributes", MAPPER.valueToTree(plain(r.attributes())));
                resource.set("lines", MAPPER.valueToTree(r.lines()));
            }
        }
        if (resources.isEmpty() && errors.isEmpty() && skipped.isEmpty()) {
            skipped.add("no reader recognised this file as IaC");
        }
        return node;
    }

    /** Attribute values as JSON can show them: an unknown value is the text "(unknown)". */
    private static Object plain(Object value) {
        if (value instanceof Unknown) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!Unknown.SPECULATIVE_KEY.equals(k)) {
                    out.put(String.valueOf(k), plain(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(InspectCommand::plain).toList();
        }
        return value;
    }
}
