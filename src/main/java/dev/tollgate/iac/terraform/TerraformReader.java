package dev.tollgate.iac.terraform;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.iac.IacReader;
import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.hcl.Attribute;
import dev.tollgate.iac.hcl.HclError;
import dev.tollgate.iac.hcl.HclFile;
import dev.tollgate.iac.hcl.HclParser;
import dev.tollgate.iac.hcl.TfJsonParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Terraform: every directory is a module; its {@code .tf} and {@code .tf.json} files are evaluated together
 * with the variable values of its auto-loaded tfvars files, and each resource instance and provider block becomes
 * a {@link Resource}. Nothing escapes {@link #read}: a file that cannot be parsed or evaluated is a
 * {@link ScanError} and the rest of its module is still read.
 */
public final class TerraformReader implements IacReader {

    /** Parses one configuration file's text: native syntax or JSON syntax. */
    @FunctionalInterface
    private interface ConfigParser {
        HclFile parse(String path, String text);
    }

    private final ConfigParser hclParser = (path, text) -> new HclParser().parse(path, text);
    private final ConfigParser jsonParser = (path, text) -> new TfJsonParser().parse(path, text);

    @Override
    public boolean accepts(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".tf") || p.endsWith(".tf.json") || p.endsWith(".tfvars") || p.endsWith(".tfvars.json");
    }

    @Override
    public ParsedFiles read(List<SourceFile> files) {
        List<Resource> resources = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        Map<String, List<SourceFile>> modules = new LinkedHashMap<>();
        for (SourceFile file : files) {
            texts.putIfAbsent(file.path(), file.text());
            if (accepts(file.path())) {
                modules.computeIfAbsent(ModulePaths.dir(file.path()), d -> new ArrayList<>()).add(file);
            }
        }
        for (Map.Entry<String, List<SourceFile>> module : modules.entrySet()) {
            try {
                resources.addAll(readModule(module.getKey(), module.getValue(), texts, errors, skipped));
            } catch (RuntimeException | StackOverflowError e) {
                errors.add(new ScanError(module.getValue().get(0).path(), 0, 0,
                        "could not evaluate the module in '" + module.getKey() + "': " + e));
            }
        }
        return new ParsedFiles(resources, errors, skipped);
    }

    private List<Resource> readModule(String dir, List<SourceFile> files, Map<String, String> texts,
                                      List<ScanError> errors, List<Skipped> skipped) {
        List<TerraformModule.ConfigFile> config = new ArrayList<>();
        List<SourceFile> varFiles = new ArrayList<>();
        for (SourceFile file : files) {
            String name = file.path().substring(file.path().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (name.endsWith(".tfvars") || name.endsWith(".tfvars.json")) {
                if (isAutoLoaded(name)) {
                    varFiles.add(file);
                } else {
                    skipped.add(new Skipped(file.path(),
                            "variable file not loaded automatically by Terraform (it needs -var-file)"));
                }
                continue;
            }
            HclFile hcl = parse(file, name.endsWith(".json") ? jsonParser : hclParser, errors);
            if (hcl != null) {
                config.add(new TerraformModule.ConfigFile(file.path(), hcl));
            }
        }
        Map<String, Object> tfvars = new HashMap<>();
        varFiles.sort(Comparator.comparing(TerraformReader::loadOrder));
        for (SourceFile file : varFiles) {
            tfvars.putAll(readVariables(file, errors));
        }
        return new ModuleEvaluator(new TerraformModule(dir, config, tfvars, texts), errors).emit();
    }

    private static HclFile parse(SourceFile file, ConfigParser parser, List<ScanError> errors) {
        HclFile hcl;
        try {
            hcl = parser.parse(file.path(), file.text());
        } catch (RuntimeException | StackOverflowError e) {
            errors.add(new ScanError(file.path(), 0, 0, "could not parse: " + e));
            return null;
        }
        if (hcl != null) {
            for (HclError error : hcl.errors()) {
                errors.add(new ScanError(file.path(), error.pos().line(), error.pos().column(), error.message()));
            }
        }
        return hcl;
    }

    /** terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) in lexical order; later files win. */
    private static boolean isAutoLoaded(String name) {
        return name.equals("terraform.tfvars") || name.equals("terraform.tfvars.json")
                || name.endsWith(".auto.tfvars") || name.endsWith(".auto.tfvars.json");
    }

    private static String loadOrder(SourceFile file) {
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        return switch (name) {
            case "terraform.tfvars" -> "0";
            case "terraform.tfvars.json" -> "1";
            default -> "2" + name;
        };
    }

    private Map<String, Object> readVariables(SourceFile file, List<ScanError> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (file.path().toLowerCase(Locale.ROOT).endsWith(".json")) {
            try {
                Object doc = Json.decodeOrThrow(file.text());
                if (doc instanceof Map<?, ?> map) {
                    values.putAll(Values.toMap(map));
                } else {
                    errors.add(new ScanError(file.path(), 1, 1, "a variable file must hold a JSON object"));
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                errors.add(new ScanError(file.path(), at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                        "invalid JSON: " + e.getOriginalMessage()));
            } catch (IOException | RuntimeException e) {
                errors.add(new ScanError(file.path(), 0, 0, "invalid JSON: " + e.getMessage()));
            }
            return values;
        }
        HclFile hcl = parse(file, hclParser, errors);
        if (hcl == null) {
            return values;
        }
        ExprEvaluator evaluator = new ExprEvaluator();
        for (Attribute attr : hcl.body().attributes()) {
            try {
                values.put(attr.name(), evaluator.evalOrUnknown(attr.expr(), Scope.of(null)));
            } catch (BudgetExceeded e) {
                errors.add(new ScanError(file.path(), attr.range().startLine(), attr.range().start().column(),
                        e.getMessage() + "; the remaining variables of this file are not set"));
                break;
            }
        }
        return values;
    }
}
