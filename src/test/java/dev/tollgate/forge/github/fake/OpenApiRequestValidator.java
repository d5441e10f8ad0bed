package dev.tollgate.forge.github.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks request bodies against the request schemas of {@code github-openapi/subset.json} (OpenAPI 3.0:
 * {@code $ref}, type, nullable, enum, required, properties, additionalProperties, items, min/maxItems,
 * maxLength, anyOf/oneOf/allOf). Stricter than GitHub on one point: a property the schema does not list is a
 * violation, because GitHub silently ignores misspelt fields.
 */
public final class OpenApiRequestValidator {

    private final JsonNode spec;

    public OpenApiRequestValidator(Path subsetJson) throws IOException {
        this.spec = new ObjectMapper().readTree(Files.readString(subsetJson));
    }

    /** The subset's path template for a concrete path and method, if it has that operation. */
    public Optional<String> template(String method, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String regex = entry.getKey().replaceAll("\\{[^}]+}", "[^/]+");
            if (regex.endsWith("[^/]+") && entry.getKey().endsWith("{path}")) {
                regex = regex.substring(0, regex.length() - "[^/]+".length()) + ".*";
            }
            if (path.matches(regex) && entry.getValue().has(method.toLowerCase(Locale.ROOT))) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** Violations of the operation's request body schema; an unknown operation is itself a violation. */
    public List<String> validate(String method, String path, JsonNode body) {
        List<String> errors = new ArrayList<>();
        Optional<String> template = template(method, path);
        if (template.isEmpty()) {
            errors.add(method + " " + path + ": not an operation of the OpenAPI subset");
            return errors;
        }
        JsonNode requestBody = spec.path("paths").path(template.get()).path(method.toLowerCase(Locale.ROOT)).path("requestBody");
        if (requestBody.isMissingNode()) {
            return errors;
        }
        requestBody = resolve(requestBody);
        if (body == null) {
            if (requestBody.path("required").asBoolean(false)) {
                errors.add(method + " " + template.get() + ": request body required");
            }
            return errors;
        }
        check(body, requestBody.path("content").path("application/json").path("schema"), "$", errors);
        errors.replaceAll(e -> method + " " + template.get() + ": " + e);
        return errors;
    }

    private JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/") || ++hops > 50) {
                throw new IllegalStateException("cannot resolve " + ref);
            }
            node = spec.at(ref.substring(1));
            if (node.isMissingNode()) {
                throw new IllegalStateException("dangling $ref " + ref);
            }
        }
        return node;
    }

    private void check(JsonNode value, JsonNode schemaNode, String where, List<String> errors) {
        JsonNode schema = resolve(schemaNode);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && schema.has("type")) {
                errors.add(where + ": null is not allowed");
            }
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, where, errors);
        }
        if (schema.has("anyOf") && matching(value, schema.get("anyOf"), where) == 0) {
            errors.add(where + ": matches none of anyOf");
        }
        if (schema.has("oneOf") && matching(value, schema.get("oneOf"), where) != 1) {
            errors.add(where + ": does not match exactly one of oneOf");
        }
        String type = schema.path("type").asText("");
        boolean typeOk = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!typeOk) {
            errors.add(where + ": expected " + type + " but got " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value);
            }
            if (!found) {
                errors.add(where + ": " + value + " not in " + schema.get("enum"));
            }
        }
        if (value.isTextual() && schema.has("maxLength") && value.asText().length() > schema.get("maxLength").asInt()) {
            errors.add(where + ": longer than " + schema.get("maxLength").asInt());
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                errors.add(where + ": more than " + schema.get("maxItems").asInt() + " items");
            }
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                errors.add(where + ": fewer than " + schema.get("minItems").asInt() + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.get("items"), where + "[" + i + "]", errors);
                }
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    errors.add(where + ": missing required '" + required.asText() + "'");
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = where + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.get(field.getKey()), at, errors);
                } else if (additional.isObject()) {
                    check(field.getValue(), additional, at, errors);
                } else if (additional.isBoolean() && additional.asBoolean()) {
                    continue;
                } else if (properties.isObject() || (additional.isBoolean() && !additional.asBoolean())) {
                    errors.add(at + ": property not in the schema");
                }
            }
        }
    }

    private int matching(JsonNode value, JsonNode alternatives, String where) {
        int matches = 0;
        for (JsonNode alternative : alternatives) {
            List<String> branch = new ArrayList<>();
            check(value, alternative, where, branch);
            if (branch.isEmpty()) {
                matches++;
            }
        }
        return matches;
    }
}
