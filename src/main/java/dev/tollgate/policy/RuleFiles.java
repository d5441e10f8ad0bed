package dev.tollgate.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The text files of a rules tree, by path relative to its root (forward slashes): from a directory, or from
 * the {@code rules/} folder packaged with Tollgate (a jar or, in development, target/classes).
 */
final class RuleFiles {

    static final int MAX_FILES = 5_000;
    static final int MAX_FILE_BYTES = 512 * 1024;

    private RuleFiles() {
    }

    static Map<String, String> fromDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new RuleLoadException(root.toString(), null, "not a directory");
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                if (files.size() >= MAX_FILES) {
                    throw new RuleLoadException(root.toString(), null, "more than " + MAX_FILES + " files");
                }
                if (Files.size(path) > MAX_FILE_BYTES) {
                    throw new RuleLoadException(relative, null, "larger than " + MAX_FILE_BYTES + " bytes");
                }
                files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules under " + root, e);
        }
        return files;
    }

    static Map<String, String> builtIn() {
        Path location;
        try {
            location = Path.of(RuleFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot locate the built-in rules", e);
        }
        if (Files.isDirectory(location)) {
            Path rules = location.resolve("rules");
            return Files.isDirectory(rules) ? fromDirectory(rules) : Map.of();
        }
        return fromJar(location);
    }

    static Map<String, String> fromJar(Path jar) {
        Map<String, String> files = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith("rules/")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    files.put(entry.getName().substring("rules/".length()),
                            new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in rules from " + jar, e);
        }
        return files;
    }
}
