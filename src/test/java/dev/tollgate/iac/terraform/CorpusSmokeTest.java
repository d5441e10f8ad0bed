package dev.tollgate.iac.terraform;

import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.Unknown;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads real-world module trees from the shared corpus: nothing may escape, and every resource is well formed. */
class CorpusSmokeTest {

    @ParameterizedTest
    @ValueSource(strings = {"iac/tf-modules", "iac/terragoat"})
    void readsEveryModuleOfTheCorpus(String tree) throws IOException {
        String shared = System.getProperty("tollgate.shared");
        Assumptions.assumeTrue(shared != null, "system property tollgate.shared is not set");
        Path root = Path.of(shared, "corpus", tree);
        Assumptions.assumeTrue(Files.isDirectory(root), "shared corpus not found at " + root);

        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                files.add(new SourceFile(root.relativize(p).toString().replace('\\', '/'), text));
            }
        }
        TerraformReader reader = new TerraformReader();
        long tfFiles = files.stream().filter(f -> reader.accepts(f.path())).count();
        long dirs = files.stream().filter(f -> reader.accepts(f.path())).map(f -> ModulePaths.dir(f.path())).distinct().count();

        long start = System.nanoTime();
        ParsedFiles parsed = reader.read(files);
        long millis = (System.nanoTime() - start) / 1_000_000;

        long providers = parsed.resources().stream().filter(r -> r.type().startsWith("provider.")).count();
        long withUnknown = parsed.resources().stream()
                .filter(r -> r.attributes().values().stream().anyMatch(Values::containsUnknown)).count();
        long withReferences = parsed.resources().stream().filter(r -> !r.references().isEmpty()).count();
        long expanded = parsed.resources().stream().filter(r -> r.address().contains("[")).count();
        System.out.printf("[corpus %s] %d Terraform files in %d modules -> %d resources (%d providers, %d expanded"
                        + " instances, %d with references, %d with an unknown attribute), %d errors, %d skipped, %d ms%n",
                tree, tfFiles, dirs, parsed.resources().size(), providers, expanded, withReferences, withUnknown,
                parsed.errors().size(), parsed.skipped().size(), millis);
        parsed.errors().stream().limit(10).forEach(e -> System.out.println("  error: " + e));

        assertTrue(parsed.resources().size() > 0, "a real corpus has resources");
        for (Resource r : parsed.resources()) {
            assertEquals("terraform", r.format());
            assertTrue(r.startLine() >= 1 && r.endLine() >= r.startLine(), r.address());
            assertTrue(r.address().startsWith(r.type().replace("provider.", "") + "."), r.address());
            for (Map.Entry<String, Integer> line : r.lines().entrySet()) {
                assertTrue(line.getValue() >= r.startLine() && line.getValue() <= r.endLine(),
                        r.address() + " " + line.getKey() + " line " + line.getValue() + " outside the block");
            }
            assertTrue(r.attributes().values().stream().allMatch(CorpusSmokeTest::isPlainValue), r.address());
        }
    }

    private static boolean isPlainValue(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v == Unknown.VALUE) {
            return true;
        }
        if (v instanceof List<?> list) {
            return list.stream().allMatch(CorpusSmokeTest::isPlainValue);
        }
        if (v instanceof Map<?, ?> map) {
            return map.keySet().stream().allMatch(k -> k instanceof String)
                    && map.values().stream().allMatch(CorpusSmokeTest::isPlainValue);
        }
        return false;
    }
}
