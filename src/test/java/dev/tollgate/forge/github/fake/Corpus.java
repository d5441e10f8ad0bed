package dev.tollgate.forge.github.fake;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared third-party corpus (read in place, never copied); tests skip when it is absent. */
public final class Corpus {

    private Corpus() {
    }

    public static Path path(String relative) {
        String shared = System.getProperty("tollgate.shared");
        Assumptions.assumeTrue(shared != null, "system property tollgate.shared not set: corpus tests skipped");
        Path file = Path.of(shared, "corpus", relative);
        Assumptions.assumeTrue(Files.exists(file), "corpus file absent, test skipped: " + file);
        return file;
    }

    public static Path openApiSubset() {
        return path("github-openapi/subset.json");
    }
}
