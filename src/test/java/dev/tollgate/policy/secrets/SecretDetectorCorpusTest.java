package dev.tollgate.policy.secrets;

import dev.tollgate.iac.SourceFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs the detector over the shared third-party corpus (read in place, never copied). */
class SecretDetectorCorpusTest {

    private final SecretDetector detector = new SecretDetector();

    private static Path corpus(String relative) {
        String shared = System.getProperty("tollgate.shared");
        assumeTrue(shared != null, "system property tollgate.shared is not set; corpus tests skipped");
        Path path = Path.of(shared, "corpus", relative);
        assumeTrue(Files.exists(path), "shared corpus not found at " + path + "; corpus tests skipped");
        return path;
    }

    private List<String> scan(Path path) {
        try {
            return detector.scan(new SourceFile(path.toString(), Files.readString(path))).stream()
                    .map(h -> h.kind() + "@" + h.line()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void terragoatProviderKeysAreFound() {
        assertEquals(List.of("aws-access-key@10", "aws-secret-key@11"),
                scan(corpus("iac/terragoat/terraform/aws/providers.tf")));
    }

    @Test
    void wellWrittenModulesHaveNoSecrets() throws IOException {
        Path modules = corpus("iac/tf-modules");
        List<String> hits = new ArrayList<>();
        int files;
        try (Stream<Path> walk = Files.walk(modules)) {
            List<Path> all = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".tf") || p.toString().endsWith(".tfvars")
                            || p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
                    .toList();
            files = all.size();
            for (Path p : all) {
                scan(p).forEach(h -> hits.add(modules.relativize(p) + ":" + h));
            }
        }
        assertTrue(files > 500, "expected the tf-modules corpus, found " + files + " files");
        assertEquals(List.of(), hits, "false positives in well-written Terraform");
    }
}
