package dev.tollgate.iac.kubernetes;

import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plain scalars as Kubernetes tooling reads them (go-yaml v2 and PyYAML follow YAML 1.1): {@code yes}/{@code no}/
 * {@code on}/{@code off} are booleans, {@code ~} is null, decimal and hex integers are numbers. Quoted scalars
 * stay strings.
 */
final class Scalars {

    private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON",
            "y", "Y");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE", "no", "No", "NO", "off", "Off",
            "OFF", "n", "N");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:0|[1-9][0-9_]{0,24})");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F_]{1,16}");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]{0,24})?\\.[0-9]{1,24}(?:[eE][-+]?[0-9]{1,3})?");

    private Scalars() {
    }

    static Object resolve(ScalarNode node) {
        String text = node.getValue();
        if (!node.isPlain()) {
            return text;
        }
        if (NULL.contains(text)) {
            return null;
        }
        if (TRUE.contains(text)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(text)) {
            return Boolean.FALSE;
        }
        try {
            if (DECIMAL.matcher(text).matches()) {
                return Long.parseLong(text.replace("_", "").replace("+", ""));
            }
            if (HEX.matcher(text).matches()) {
                return Long.parseLong(text.substring(2).replace("_", ""), 16);
            }
            if (FLOAT.matcher(text).matches()) {
                return Double.parseDouble(text.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return text; // out of range: keep what was written
        }
        return text;
    }
}
