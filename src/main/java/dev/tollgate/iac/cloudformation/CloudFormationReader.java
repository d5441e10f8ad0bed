package dev.tollgate.iac.cloudformation;

import dev.tollgate.iac.DeclaredException;
import dev.tollgate.iac.IacReader;
import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.SourceFile;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CloudFormation and SAM templates, YAML or JSON. The content decides: YAML or JSON that is not a template is left
 * to other readers (nothing is returned for it), and a file that cannot be read is reported only when its text
 * looks like a template. See README.md beside this class for the resource model.
 */
public final class CloudFormationReader implements IacReader {
    private static final List<String> SUFFIXES = List.of(".yaml", ".yml", ".json", ".template");
    /** Enough to tell a broken template from other broken YAML; bounded, no backtracking. */
    private static final Pattern LOOKS_LIKE_TEMPLATE = Pattern.compile(
            "AWSTemplateFormatVersion|[\"']?Type[\"']?\\s{0,8}:\\s{0,8}[\"']?AWS::[A-Za-z0-9]{1,64}::");

    @Override
    public boolean accepts(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return SUFFIXES.stream().anyMatch(name::endsWith);
    }

    @Override
    public ParsedFiles read(List<SourceFile> files) {
        List<Resource> resources = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        List<DeclaredException> exceptions = new ArrayList<>();
        for (SourceFile file : files) {
            if (accepts(file.path())) {
                readFile(file, resources, errors, exceptions);
            }
        }
        return new ParsedFiles(resources, errors, List.of(), exceptions);
    }

    private static void readFile(SourceFile file, List<Resource> resources, List<ScanError> errors,
                                 List<DeclaredException> exceptions) {
        List<Node> documents;
        try {
            documents = TemplateYaml.load(file.text());
        } catch (TemplateError e) {
            if (looksLikeTemplate(file.text())) {
                errors.add(new ScanError(file.path(), e.line, e.column, e.getMessage()));
            }
            return;
        }
        for (Node document : documents) {
            if (TemplateReader.isTemplate(document)) {
                try {
                    new TemplateReader(file.path(), (MappingNode) document, resources, errors, exceptions).read();
                } catch (RuntimeException | StackOverflowError e) {
                    errors.add(new ScanError(file.path(), TemplateYaml.line(document), 0,
                            "template could not be read: " + (e instanceof StackOverflowError
                                    ? "it nests or refers to itself too deeply to evaluate" : e.getMessage())));
                }
            }
        }
    }

    private static boolean looksLikeTemplate(String text) {
        return LOOKS_LIKE_TEMPLATE.matcher(text.length() > 200_000 ? text.substring(0, 200_000) : text).find();
    }
}
