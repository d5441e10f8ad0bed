package dev.tollgate.iac.terraform;

import dev.tollgate.iac.Unknown;
import dev.tollgate.iac.hcl.Attribute;
import dev.tollgate.iac.hcl.HclFile;
import dev.tollgate.iac.hcl.HclParser;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code templatefile()}: the file's text is parsed as an HCL template (wrapped in a heredoc with a delimiter
 * that does not occur in it) and evaluated with only the given variables in scope, as Terraform does.
 */
final class TemplateFiles {
    private static final String DELIMITER = "TOLLGATE_TEMPLATE_END";

    private final ExprEvaluator evaluator;
    private final Map<String, Attribute> parsed = new HashMap<>();

    TemplateFiles(ExprEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    Object render(String path, String text, Map<String, Object> vars, ModuleContext module) {
        Attribute template = parsed.computeIfAbsent(path + '\0' + text, k -> parse(path, text));
        if (template == null) {
            return Unknown.VALUE;
        }
        Scope scope = Scope.of(null);
        for (Map.Entry<String, Object> e : vars.entrySet()) {
            scope = scope.with(e.getKey(), e.getValue());
        }
        Object value = evaluator.eval(template.expr(), scope);
        if (value instanceof String s && !text.endsWith("\n") && s.endsWith("\n")) {
            return s.substring(0, s.length() - 1);
        }
        return value;
    }

    private static Attribute parse(String path, String text) {
        String delimiter = DELIMITER;
        while (text.contains(delimiter)) {
            delimiter = delimiter + "_";
        }
        String wrapped = "t = <<" + delimiter + "\n" + text + (text.endsWith("\n") ? "" : "\n") + delimiter + "\n";
        HclFile file = new HclParser().parse(path, wrapped);
        if (!file.errors().isEmpty() || file.body().attributes().size() != 1) {
            return null;
        }
        return file.body().attributes().get(0);
    }
}
