package dev.tollgate.iac.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parses every {@code .tf} file of the shared corpus and compares {@link HclInspector}'s output with what
 * HashiCorp's reference parser produced for it ({@code corpus/hcl-oracle}): blocks, labels, line ranges,
 * attributes, expression kinds and literals, exactly.
 * <p>
 * Files the reference parser rejects are compared under one documented rule: we must report an error on the
 * same line, and everything must agree except the end lines of the blocks that enclose the error. There the
 * two recoveries differ on purpose: hclsyntax's recovery swallows the closing brace on the error line, so the
 * broken block's parents run to the end of the file (and would swallow any later block); ours stops at that
 * brace, so the parents end at their own closing braces and later blocks stay top-level.
 */
class OracleAgreementTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ORACLE_ERROR_LINE = Pattern.compile(":(\\d+),\\d+(?:-\\d+)?: ");

    @Test
    void inspectorOutputMatchesTheReferenceParserForEveryCorpusFile() throws IOException {
        String shared = System.getProperty("tollgate.shared");
        assumeTrue(shared != null, "system property tollgate.shared is not set: no corpus to compare with");
        Path corpus = Path.of(shared, "corpus");
        Path oracleDir = corpus.resolve("hcl-oracle");
        assumeTrue(Files.isDirectory(oracleDir), "no hcl-oracle corpus at " + oracleDir);

        List<Path> oracleFiles;
        try (Stream<Path> walk = Files.walk(oracleDir)) {
            oracleFiles = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        HclParser parser = new HclParser();
        HclInspector inspector = new HclInspector();
        List<String> disagreements = new ArrayList<>();
        int agreeing = 0;
        int rejectedByReference = 0;
        long parseNanos = 0;
        for (Path oracleFile : oracleFiles) {
            JsonNode expected = MAPPER.readTree(oracleFile.toFile());
            String path = expected.get("path").asText();
            String text = Files.readString(sourceOf(corpus, path));
            long t0 = System.nanoTime();
            HclFile file = parser.parse(path, text);
            parseNanos += System.nanoTime() - t0;
            ObjectNode actual = inspector.inspect(path, file);
            String problem = expected.has("errors")
                    ? compareRejected(expected, actual, file)
                    : difference("", expected, actual);
            if (expected.has("errors")) {
                rejectedByReference++;
            }
            if (problem == null) {
                agreeing++;
            } else {
                disagreements.add(path + ": " + problem);
            }
        }
        String summary = String.format("HCL oracle agreement: %d of %d files (%d rejected by the reference, compared"
                        + " under the error rule); parsing all files took %d ms", agreeing, oracleFiles.size(),
                rejectedByReference, parseNanos / 1_000_000);
        System.out.println(summary);
        disagreements.stream().limit(Long.getLong("tollgate.oracle.show", 25)).forEach(d -> System.out.println("  DISAGREES " + d));
        assertFalse(oracleFiles.isEmpty(), "the hcl-oracle folder holds no .json files");
        assertEquals(oracleFiles.size(), agreeing, summary + "; first disagreements:\n"
                + String.join("\n", disagreements.subList(0, Math.min(25, disagreements.size()))));
    }

    /**
     * The {@code .tf} file an oracle entry describes. The oracle's paths are relative to {@code corpus/}, except
     * the tf-modules entries, which name {@code tf-modules/...} while the files live under {@code iac/tf-modules/}.
     */
    private static Path sourceOf(Path corpus, String path) {
        Path direct = corpus.resolve(path);
        return Files.exists(direct) ? direct : corpus.resolve("iac").resolve(path);
    }

    /** The error rule described on the class; null when the file agrees under it. */
    private static String compareRejected(JsonNode expected, ObjectNode actual, HclFile file) {
        List<Integer> errorLines = new ArrayList<>();
        for (JsonNode e : expected.get("errors")) {
            Matcher m = ORACLE_ERROR_LINE.matcher(e.asText());
            if (m.find()) {
                errorLines.add(Integer.parseInt(m.group(1)));
            }
        }
        for (int line : errorLines) {
            if (file.errors().stream().noneMatch(e -> e.pos().line() == line)) {
                return "the reference reports an error on line " + line + ", we report " + file.errors();
            }
        }
        ObjectNode exp = expected.deepCopy();
        exp.remove("errors");
        ObjectNode act = actual.deepCopy();
        act.remove("errors");
        for (int line : errorLines) {
            dropEndLinesAround(exp.get("blocks"), line);
            dropEndLinesAround(act.get("blocks"), line);
        }
        return difference("", exp, act);
    }

    private static void dropEndLinesAround(JsonNode blocks, int line) {
        for (JsonNode b : blocks) {
            if (b.get("start_line").asInt() <= line && line <= b.get("end_line").asInt()) {
                ((ObjectNode) b).remove("end_line");
                dropEndLinesAround(b.get("blocks"), line);
            }
        }
    }

    /** The first difference as "json/path: expected X, found Y", or null when equal (numbers by value). */
    static String difference(String at, JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual != null && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? null
                    : at + ": expected " + expected + ", found " + actual;
        }
        if (actual == null || expected.getNodeType() != actual.getNodeType()) {
            return at + ": expected " + expected + ", found " + actual;
        }
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String d = difference(at + "/" + e.getKey(), e.getValue(), actual.get(e.getKey()));
                if (d != null) {
                    return d;
                }
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!expected.has(name)) {
                    return at + "/" + name + ": not expected, found " + actual.get(name);
                }
            }
            return null;
        }
        if (expected.isArray()) {
            ArrayNode a = (ArrayNode) actual;
            for (int i = 0; i < Math.min(expected.size(), a.size()); i++) {
                String d = difference(at + "/" + i, expected.get(i), a.get(i));
                if (d != null) {
                    return d;
                }
            }
            return expected.size() == a.size() ? null
                    : at + ": expected " + expected.size() + " items, found " + a.size();
        }
        return expected.equals(actual) ? null : at + ": expected " + expected + ", found " + actual;
    }
}
