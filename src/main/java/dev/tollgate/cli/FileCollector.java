package dev.tollgate.cli;

import dev.tollgate.iac.IacFiles;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.SourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collects the IaC files under the paths given on the command line. Symbolic links are not followed (a
 * repository could point them anywhere); directories that hold tool state or vendored code are skipped;
 * files too large or not text become errors, never silent passes.
 */
final class FileCollector {
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    static final int MAX_FILES = 50_000;
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".terraform", "node_modules", ".idea");

    private final TreeMap<String, SourceFile> files = new TreeMap<>();
    private final List<ScanError> errors = new ArrayList<>();

    /** Files found so far, sorted by path. */
    List<SourceFile> files() {
        return List.copyOf(files.values());
    }

    List<ScanError> errors() {
        return List.copyOf(errors);
    }

    /**
     * Adds a file or every IaC file under a directory. A file named explicitly is read whatever its name;
     * paths are reported as given, joined with the path inside the directory, so a terminal can open them.
     */
    void add(Path root) throws IOException {
        collect(root, FileCollector::display);
    }

    /** Adds every IaC file under a directory, named by its path inside that directory (two trees compare). */
    void addTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + root);
        }
        collect(root, file -> display(root.relativize(file)));
    }

    private void collect(Path root, java.util.function.Function<Path, String> naming) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("no such file or directory: " + root);
        }
        if (!Files.isDirectory(root)) {
            read(root, display(root));
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skip = !dir.equals(root) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString());
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String path = naming.apply(file);
                if (attrs.isRegularFile() && IacFiles.isIac(path)) {
                    read(file, path);
                }
                return files.size() + errors.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }
        });
        if (files.size() + errors.size() >= MAX_FILES) {
            errors.add(new ScanError(display(root), 0, 0,
                    "more than " + MAX_FILES + " files; the rest were not scanned. Scan fewer directories at once."));
        }
    }

    private void read(Path file, String path) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                errors.add(new ScanError(path, 0, 0, String.format(
                        "file is %.1f MB; files over %d MB are not scanned", size / 1048576.0, MAX_FILE_BYTES / 1048576)));
                return;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES);
            }
            files.put(path, new SourceFile(path, decode(bytes)));
        } catch (CharacterCodingException e) {
            errors.add(new ScanError(path, 0, 0, "file is not UTF-8 text; not scanned"));
        } catch (IOException e) {
            errors.add(new ScanError(path, 0, 0, "cannot read file: " + e.getMessage()));
        }
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        for (byte b : bytes) {
            if (b == 0) {
                throw new CharacterCodingException();
            }
        }
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String display(Path path) {
        return path.normalize().toString().replace('\\', '/');
    }
}
