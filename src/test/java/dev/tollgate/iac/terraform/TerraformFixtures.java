package dev.tollgate.iac.terraform;

import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Helpers that read small HCL fixtures, given as path/text pairs, through the real reader. */
final class TerraformFixtures {
    private TerraformFixtures() {
    }

    static ParsedFiles read(String... pathsAndTexts) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(new SourceFile(pathsAndTexts[i], pathsAndTexts[i + 1]));
        }
        return new TerraformReader().read(files);
    }

    static Map<String, Resource> byAddress(ParsedFiles parsed) {
        Map<String, Resource> out = new LinkedHashMap<>();
        for (Resource r : parsed.resources()) {
            out.put(r.address(), r);
        }
        return out;
    }

    static Resource resource(ParsedFiles parsed, String address) {
        Resource r = byAddress(parsed).get(address);
        assertNotNull(r, "no resource " + address + " among " + byAddress(parsed).keySet() + "; errors " + parsed.errors());
        return r;
    }

    /** The value of {@code expr} evaluated as the attribute {@code v} of a resource in a module with {@code extra}. */
    static Object eval(String expr, String extra) {
        ParsedFiles parsed = read("main.tf", extra + "\nresource \"t\" \"r\" {\n  v = " + expr + "\n}\n");
        return resource(parsed, "t.r").attributes().get("v");
    }

    static Object eval(String expr) {
        return eval(expr, "");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
