package dev.tollgate.iac.terraform;

import dev.tollgate.iac.Unknown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code data "aws_iam_policy_document"} rendered statically into its {@code json} attribute, the IAM JSON the
 * AWS provider would produce, when every input is known. Documents that merge other documents stay unknown.
 */
final class IamPolicyDocument {
    static final String TYPE = "aws_iam_policy_document";

    private IamPolicyDocument() {
    }

    /** The policy JSON, or unknown. */
    static Object render(Map<String, Object> attributes) {
        if (Values.containsUnknown(attributes)) {
            return Unknown.VALUE;
        }
        for (String merging : List.of("source_json", "override_json", "source_policy_documents", "override_policy_documents")) {
            Object v = attributes.get(merging);
            if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
                return Unknown.VALUE;
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", attributes.getOrDefault("version", "2012-10-17"));
        if (attributes.get("policy_id") != null) {
            doc.put("Id", attributes.get("policy_id"));
        }
        List<Object> statements = new ArrayList<>();
        Object declared = attributes.get("statement");
        if (declared != null) {
            for (Object s : Values.toList(declared)) {
                statements.add(statement(Values.toMap(s)));
            }
        }
        doc.put("Statement", statements);
        return Json.encodeOrdered(doc);
    }

    private static Map<String, Object> statement(Map<String, Object> s) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (s.get("sid") instanceof String sid && !sid.isEmpty()) {
            out.put("Sid", sid);
        }
        out.put("Effect", s.get("effect") == null ? "Allow" : s.get("effect"));
        putStrings(out, "Action", s.get("actions"));
        putStrings(out, "NotAction", s.get("not_actions"));
        putStrings(out, "Resource", s.get("resources"));
        putStrings(out, "NotResource", s.get("not_resources"));
        putPrincipals(out, "Principal", s.get("principals"));
        putPrincipals(out, "NotPrincipal", s.get("not_principals"));
        putConditions(out, s.get("condition"));
        return out;
    }

    /** One value is written as a string, several as an array, as the provider does. */
    private static Object stringOrList(Object value) {
        List<Object> items = Values.toSet(Values.toList(value));
        return items.size() == 1 ? items.get(0) : items;
    }

    private static void putStrings(Map<String, Object> out, String key, Object value) {
        if (value != null && !Values.toList(value).isEmpty()) {
            out.put(key, stringOrList(value));
        }
    }

    private static void putPrincipals(Map<String, Object> out, String key, Object blocks) {
        if (blocks == null || Values.toList(blocks).isEmpty()) {
            return;
        }
        Map<String, List<Object>> byType = new LinkedHashMap<>();
        for (Object b : Values.toList(blocks)) {
            Map<String, Object> p = Values.toMap(b);
            byType.computeIfAbsent(Values.toStr(p.get("type")), t -> new ArrayList<>())
                    .addAll(Values.toList(p.get("identifiers")));
        }
        if (byType.size() == 1 && byType.containsKey("*") && byType.get("*").stream().allMatch("*"::equals)) {
            out.put(key, "*");
            return;
        }
        Map<String, Object> principal = new LinkedHashMap<>();
        byType.forEach((type, ids) -> principal.put(type, stringOrList(ids)));
        out.put(key, principal);
    }

    private static void putConditions(Map<String, Object> out, Object blocks) {
        if (blocks == null || Values.toList(blocks).isEmpty()) {
            return;
        }
        Map<String, Object> conditions = new LinkedHashMap<>();
        for (Object b : Values.toList(blocks)) {
            Map<String, Object> c = Values.toMap(b);
            @SuppressWarnings("unchecked")
            Map<String, Object> byVariable = (Map<String, Object>) conditions.computeIfAbsent(
                    Values.toStr(c.get("test")), t -> new LinkedHashMap<String, Object>());
            byVariable.put(Values.toStr(c.get("variable")), stringOrList(c.get("values")));
        }
        out.put("Condition", conditions);
    }
}
