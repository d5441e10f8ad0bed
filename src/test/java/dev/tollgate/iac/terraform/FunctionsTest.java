package dev.tollgate.iac.terraform;

import dev.tollgate.iac.Unknown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.tollgate.iac.terraform.TerraformFixtures.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each function with known arguments (the result, written as JSON) and with an unknown argument. */
class FunctionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "jsonencode({b = 1, a = [true, null, \"<x>\"]}) | `\"{\\\"a\\\":[true,null,\\\"\\\\u003cx\\\\u003e\\\"],\\\"b\\\":1}\"`",
            "jsondecode(\"{\\\"a\\\": [1, 2.5, \\\"x\\\"]}\") | {\"a\":[1,2.5,\"x\"]}",
            "merge({a = 1, b = 2}, {b = 3}, null) | {\"a\":1,\"b\":3}",
            "concat([1], [2, 3], []) | [1,2,3]",
            "flatten([[1, [2]], [], 3]) | [1,2,3]",
            "distinct([\"a\", \"b\", \"a\"]) | [\"a\",\"b\"]",
            "lookup({a = 1}, \"b\", 7) | 7",
            "element([\"a\", \"b\"], 3) | \"b\"",
            "index([\"a\", \"b\"], \"b\") | 1",
            "keys({b = 1, a = 2}) | [\"a\",\"b\"]",
            "values({b = 1, a = 2}) | [2,1]",
            "zipmap([\"a\", \"b\"], [1, 2]) | {\"a\":1,\"b\":2}",
            "length(\"héllo\") | 5",
            "length({a = 1}) | 1",
            "contains([\"a\"], \"a\") | true",
            "coalesce(\"\", null, \"x\") | \"x\"",
            "coalescelist([], [1]) | [1]",
            "compact([\"a\", \"\", null, \"b\"]) | [\"a\",\"b\"]",
            "try({a = 1}.b.c, \"fallback\") | \"fallback\"",
            "try({a = 1}.b, {a = 1}.a) | 1",
            "can({a = 1}.b) | false",
            "can(tonumber(\"12\")) | true",
            "format(\"%s-%03d-%.2f-%t-%q-%v\", \"a\", 7, 1.5, true, \"q\", 3) | `\"a-007-1.50-true-\\\"q\\\"-3\"`",
            "formatlist(\"%s=%d\", [\"a\", \"b\"], [1, 2]) | [\"a=1\",\"b=2\"]",
            "join(\",\", [\"a\", \"b\"], [\"c\"]) | \"a,b,c\"",
            "split(\",\", \"a,,b\") | [\"a\",\"\",\"b\"]",
            "replace(\"a-b-c\", \"-\", \"_\") | \"a_b_c\"",
            "replace(\"a1b22\", \"/[0-9]+/\", \"#\") | \"a#b#\"",
            "lower(\"AbC\") | \"abc\"",
            "upper(\"abc\") | \"ABC\"",
            "title(\"hello world\") | \"Hello World\"",
            "trimspace(\"  x \") | \"x\"",
            "trim(\"xxaxx\", \"x\") | \"a\"",
            "trimprefix(\"foobar\", \"foo\") | \"bar\"",
            "trimsuffix(\"foobar\", \"bar\") | \"foo\"",
            "substr(\"hello\", 1, 3) | \"ell\"",
            "substr(\"hello\", -3, -1) | \"llo\"",
            "startswith(\"hello\", \"he\") | true",
            "endswith(\"hello\", \"he\") | false",
            "strcontains(\"hello\", \"ll\") | true",
            "tostring(5) | \"5\"",
            "tonumber(\"2.5\") | 2.5",
            "tobool(\"true\") | true",
            "tolist(toset([\"b\", \"a\", \"b\"])) | [\"a\",\"b\"]",
            "tomap({a = \"x\"}) | {\"a\":\"x\"}",
            "min(3, 1, 2) | 1",
            "max([4, 9]...) | 9",
            "abs(-3) | 3",
            "ceil(1.2) | 2",
            "floor(1.8) | 1",
            "range(3) | [0,1,2]",
            "range(1, 10, 4) | [1,5,9]",
            "cidrsubnet(\"10.0.0.0/16\", 8, 2) | \"10.0.2.0/24\"",
            "cidrsubnet(\"fd00::/56\", 8, 1) | \"fd00:0:0:1::/64\"",
            "cidrhost(\"10.0.1.0/24\", 5) | \"10.0.1.5\"",
            "cidrhost(\"10.0.1.0/24\", -1) | \"10.0.1.255\"",
            "cidrnetmask(\"172.16.0.0/12\") | \"255.240.0.0\"",
            "base64encode(\"hi\") | \"aGk=\"",
            "base64decode(\"aGk=\") | \"hi\"",
            "md5(\"a\") | \"0cc175b9c0f1b6a831c399e269772661\"",
            "sha1(\"a\") | \"86f7e437faa5a7fce15d1ddcb9eaeaea377667b8\"",
            "sha256(\"a\") | \"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb\"",
            "one([\"x\"]) | \"x\"",
            "one([]) | null",
            "sort([\"b\", \"a\"]) | [\"a\",\"b\"]",
            "reverse([1, 2]) | [2,1]",
            "slice([1, 2, 3], 1, 3) | [2,3]",
            "setunion([\"a\"], [\"b\", \"a\"]) | [\"a\",\"b\"]",
            "setintersection([\"a\", \"b\"], [\"b\"]) | [\"b\"]",
            "setproduct([\"a\"], [1, 2]) | [[\"a\",1],[\"a\",2]]",
            "alltrue([true, true]) | true",
            "anytrue([false]) | false",
            "sum([1, 2.5]) | 3.5",
            "chunklist([1, 2, 3], 2) | [[1,2],[3]]",
            "regex(\"(\\\\d+)-(\\\\d+)\", \"10-20\") | [\"10\",\"20\"]",
            "regex(\"(?P<a>[a-z]+)\", \"xy1\") | {\"a\":\"xy\"}",
            "regexall(\"[0-9]\", \"a1b2\") | [\"1\",\"2\"]",
            "[for k, v in {a = 1, b = 2} : \"${k}${v}\" if v > 1] | [\"b2\"]",
            "{for s in [\"a\", \"bb\", \"cc\"] : length(s) => s...} | {\"1\":[\"a\"],\"2\":[\"bb\",\"cc\"]}",
            "[{n = 1}, {n = 2}][*].n | [1,2]",
            "[{a = [{b = 1}, {b = 2}]}, {a = [{b = 3}]}][*].a[*].b | [[1,2],[3]]",
            "\"%{if true}yes%{else}no%{endif}\" | \"yes\"",
            "!true == false && 2 >= 2 && \"5\" + 1 == 6 | true",
            "7 % 3 | 1",
    })
    void knownArguments(String expr, String expectedJson) {
        assertEquals(Json.decode(expectedJson), eval(expr));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jsonencode({a = var.u})",
            "upper(var.u)",
            "format(\"%s\", var.u)",
            "join(\",\", [\"a\", var.u])",
            "cidrsubnet(var.u, 8, 1)",
            "length(var.u)",
            "merge(var.u, {a = 1})",
            "contains([var.u], \"a\")",
            "\"prefix-${var.u}\"",
            "var.u + 1",
            "var.u ? \"a\" : \"b\"",
            "[for x in var.u : x]",
            "timestamp()",
            "uuid()",
            "can(var.u)",
            "try(var.u, \"x\")",
    })
    void unknownArgumentsGiveUnknown(String expr) {
        assertEquals(Unknown.VALUE, eval(expr, "variable \"u\" {}"));
    }

    @Test
    void unknownStaysInsideItsElement() {
        String extra = "variable \"u\" {}";
        assertEquals(List.of("a", Unknown.VALUE), eval("[\"a\", var.u]", extra));
        assertEquals(Map.of("k", Unknown.VALUE, "j", 1L), eval("{k = var.u, j = 1}", extra));
        assertEquals(2L, eval("length([\"a\", var.u])", extra));
        assertEquals("x", eval("var.u ? \"x\" : \"x\"", extra), "equal branches make the condition irrelevant");
        assertEquals(false, eval("false && var.u", extra));
        assertEquals(true, eval("var.u == 1 || true", extra));
        assertEquals(List.of(1L, Unknown.VALUE), eval("concat([1], [var.u])", extra));
        assertEquals(Unknown.VALUE, eval("lookup({a = var.u}, \"a\")", extra));
        assertEquals(1L, eval("lookup({a = 1, b = var.u}, \"a\")", extra));
    }

    @Test
    void aCallTerraformWouldRejectIsUnknownNotACrash() {
        assertEquals(Unknown.VALUE, eval("element([], 0)"));
        assertEquals(Unknown.VALUE, eval("cidrsubnet(\"not-a-cidr\", 8, 1)"));
        assertEquals(Unknown.VALUE, eval("format(\"%d\", \"x\")"));
        assertEquals(Unknown.VALUE, eval("regex(\"(\", \"x\")"));
        assertEquals(Unknown.VALUE, eval("{a = 1}.b"));
    }
}
