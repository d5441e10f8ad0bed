package dev.tollgate.policy.cel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.tollgate.policy.secrets.SecretDetector;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The functions rules may call beyond standard CEL. All are total: on input they cannot interpret they return
 * a neutral value (null, false, empty list) rather than failing, so that a rule never throws on odd data.
 *
 * <ul>
 *   <li>{@code json(string) -> dyn}: parses a JSON document (an IAM policy) with bounded size and depth; an
 *       empty map when the text is not JSON or too large, so that {@code json(x).?Statement} stays safe</li>
 *   <li>{@code as_list(dyn) -> list(dyn)}: null is [], a list is itself, anything else is [x]
 *       (IAM {@code Action} may be a string or a list)</li>
 *   <li>{@code literal_secret_keys(dyn map) -> list(string)}: the keys of a string map (environment variables)
 *       whose name looks like a secret and whose value is a literal secret, not a reference, placeholder or
 *       store pointer ({@link SecretDetector#isLiteralSecret}). A value that is not known is no secret, so an
 *       unknown never makes a finding although the function hides which keys it read.</li>
 *   <li>{@code cidr_public(dyn) -> bool}: true for a CIDR (or list of CIDRs) that opens to the whole internet
 *       ({@code 0.0.0.0/0}, {@code ::/0})</li>
 *   <li>{@code port_in(dyn from, dyn to, int port) -> bool}: whether a from/to port range covers {@code port};
 *       0–0 and -1 mean all ports, as in Terraform security group rules</li>
 *   <li>{@code all_ports(dyn from, dyn to) -> bool}: the range covers every port</li>
 *   <li>{@code tcp_port_open(dyn protocol, dyn from, dyn to, int port) -> bool}: a rule with this protocol and
 *       range lets TCP traffic reach {@code port} (protocol -1/all, or tcp/6 with a covering range)</li>
 *   <li>{@code names_no_source(dyn rule) -> bool}: a security group rule (an {@code ingress} block, an
 *       {@code aws_security_group_rule} or an {@code aws_vpc_security_group_ingress_rule}) that names no source
 *       at all — no CIDR, prefix list, security group or {@code self} — and so restricts nothing. A value that
 *       is not known counts as a source, so an unknown never makes a finding.</li>
 *   <li>{@code all_traffic(dyn protocol, dyn from, dyn to) -> bool}: protocol -1/all, or every TCP or UDP port
 *       </li>
 *   <li>{@code port_spec_covers(dyn spec, int port) -> bool}: a port written as text, as Azure NSG rules and GCP
 *       firewalls do ({@code "*"}, {@code "22"}, {@code "20-30"}, a number, or a list of those), covers
 *       {@code port}; anything else (an unknown, a typo) covers nothing</li>
 * </ul>
 */
final class RuleFunctions {

    static final int MAX_JSON_CHARS = 128 * 1024;
    private static final int MAX_JSON_DEPTH = 64;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_JSON_DEPTH).maxStringLength(MAX_JSON_CHARS).build())
            .build());
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,10}");

    private RuleFunctions() {
    }

    static List<CelFunctionDecl> declarations() {
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("json",
                        CelOverloadDecl.newGlobalOverload("json_dyn", SimpleType.DYN, SimpleType.DYN)),
                CelFunctionDecl.newFunctionDeclaration("literal_secret_keys",
                        CelOverloadDecl.newGlobalOverload("literal_secret_keys_dyn", ListType.create(SimpleType.STRING),
                                SimpleType.DYN)),
                CelFunctionDecl.newFunctionDeclaration("as_list",
                        CelOverloadDecl.newGlobalOverload("as_list_dyn", ListType.create(SimpleType.DYN),
                                SimpleType.DYN)),
                CelFunctionDecl.newFunctionDeclaration("cidr_public",
                        CelOverloadDecl.newGlobalOverload("cidr_public_dyn", SimpleType.BOOL, SimpleType.DYN)),
                CelFunctionDecl.newFunctionDeclaration("port_in",
                        CelOverloadDecl.newGlobalOverload("port_in_dyn_dyn_int", SimpleType.BOOL,
                                SimpleType.DYN, SimpleType.DYN, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("tcp_port_open",
                        CelOverloadDecl.newGlobalOverload("tcp_port_open_dyn_dyn_dyn_int", SimpleType.BOOL,
                                SimpleType.DYN, SimpleType.DYN, SimpleType.DYN, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("all_traffic",
                        CelOverloadDecl.newGlobalOverload("all_traffic_dyn_dyn_dyn", SimpleType.BOOL,
                                SimpleType.DYN, SimpleType.DYN, SimpleType.DYN)),
                CelFunctionDecl.newFunctionDeclaration("names_no_source",
                        CelOverloadDecl.newGlobalOverload("names_no_source_dyn", SimpleType.BOOL, SimpleType.DYN)),
                CelFunctionDecl.newFunctionDeclaration("port_spec_covers",
                        CelOverloadDecl.newGlobalOverload("port_spec_covers_dyn_int", SimpleType.BOOL,
                                SimpleType.DYN, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("all_ports",
                        CelOverloadDecl.newGlobalOverload("all_ports_dyn_dyn", SimpleType.BOOL,
                                SimpleType.DYN, SimpleType.DYN)));
    }

    static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("json_dyn", Object.class, RuleFunctions::json),
                CelFunctionBinding.from("literal_secret_keys_dyn", Object.class, RuleFunctions::literalSecretKeys),
                CelFunctionBinding.from("as_list_dyn", Object.class, RuleFunctions::asList),
                CelFunctionBinding.from("cidr_public_dyn", Object.class, RuleFunctions::cidrPublic),
                CelFunctionBinding.from("names_no_source_dyn", Object.class, RuleFunctions::namesNoSource),
                CelFunctionBinding.from("port_in_dyn_dyn_int", List.of(Object.class, Object.class, Long.class),
                        args -> portIn(args[0], args[1], (Long) args[2])),
                CelFunctionBinding.from("tcp_port_open_dyn_dyn_dyn_int",
                        List.of(Object.class, Object.class, Object.class, Long.class),
                        args -> tcpPortOpen(args[0], args[1], args[2], (Long) args[3])),
                CelFunctionBinding.from("all_traffic_dyn_dyn_dyn",
                        List.of(Object.class, Object.class, Object.class),
                        args -> allTraffic(args[0], args[1], args[2])),
                CelFunctionBinding.from("port_spec_covers_dyn_int", Object.class, Long.class,
                        RuleFunctions::portSpecCovers),
                CelFunctionBinding.from("all_ports_dyn_dyn", Object.class, Object.class, RuleFunctions::allPorts));
    }

    static Object json(Object text) {
        if (text instanceof Map<?, ?> || text instanceof List<?>) {
            return text; // jsonencode() output the evaluator already turned into data
        }
        if (!(text instanceof String s) || s.length() > MAX_JSON_CHARS) {
            return Map.of();
        }
        try {
            Object parsed = fromJson(JSON.readTree(s));
            return parsed == null ? Map.of() : CelValues.toCel(parsed);
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), fromJson(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(fromJson(n)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    static List<Object> asList(Object value) {
        if (value == null || value == CelValues.NULL) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return List.of(value);
    }

    static List<String> literalSecretKeys(Object variables) {
        List<String> keys = new ArrayList<>();
        if (variables instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (k instanceof String key && v instanceof String value
                        && !value.contains(CelValues.UNKNOWN_PLACEHOLDER)
                        && SecretDetector.isLiteralSecret(key, value)) {
                    keys.add(key);
                }
            });
        }
        return keys;
    }

    static Boolean cidrPublic(Object value) {
        for (Object cidr : asList(value)) {
            if (cidr instanceof String s && isWholeInternet(s.trim())) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> SOURCE_KEYS = List.of("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids",
            "security_groups", "source_security_group_id", "cidr_ipv4", "cidr_ipv6", "prefix_list_id",
            "referenced_security_group_id");

    static Boolean namesNoSource(Object rule) {
        if (!(rule instanceof Map<?, ?> map)) {
            return false;
        }
        Object self = map.get("self");
        if (self != null && self != CelValues.NULL && !Boolean.FALSE.equals(self)) {
            return false;
        }
        for (String key : SOURCE_KEYS) {
            Object value = map.get(key);
            boolean empty = value == null || value == CelValues.NULL
                    || (value instanceof List<?> list && list.isEmpty())
                    || (value instanceof String text && text.isEmpty());
            if (!empty) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWholeInternet(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash <= 0 || !"0".equals(cidr.substring(slash + 1))) {
            return false;
        }
        String address = cidr.substring(0, slash);
        if (!address.matches("[0-9a-fA-F:.]{1,45}")) {
            return false; // never resolve host names
        }
        try {
            return new BigInteger(1, InetAddress.getByName(address).getAddress()).signum() == 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static Boolean portIn(Object from, Object to, Long port) {
        Long f = asLong(from);
        Long t = asLong(to);
        if (f == null || t == null) {
            return false;
        }
        return coversAll(f, t) || (f <= port && port <= t);
    }

    static Boolean allPorts(Object from, Object to) {
        Long f = asLong(from);
        Long t = asLong(to);
        return f != null && t != null && (coversAll(f, t) || (f <= 0 && t >= 65535));
    }

    static Boolean portSpecCovers(Object spec, Long port) {
        for (Object item : asList(spec)) {
            if (item instanceof String s && s.trim().equals("*")) {
                return true;
            }
            String text = item instanceof String s ? s.trim() : item instanceof Long l ? String.valueOf(l) : "";
            int dash = text.indexOf('-', 1);
            Long from = asLong(dash < 0 ? text : text.substring(0, dash));
            Long to = asLong(dash < 0 ? text : text.substring(dash + 1));
            if (from != null && to != null && from <= port && port <= to) {
                return true;
            }
        }
        return false;
    }

    static Boolean tcpPortOpen(Object protocol, Object from, Object to, Long port) {
        String p = protocolName(protocol);
        return p.equals("all") || (p.equals("tcp") && portIn(from, to, port));
    }

    static Boolean allTraffic(Object protocol, Object from, Object to) {
        String p = protocolName(protocol);
        return p.equals("all") || ((p.equals("tcp") || p.equals("udp")) && allPorts(from, to));
    }

    /** "all", "tcp", "udp", "icmp" ... from a Terraform protocol value (names or IANA numbers); "" if unknown. */
    private static String protocolName(Object protocol) {
        String text = protocol instanceof String s ? s.trim().toLowerCase(java.util.Locale.ROOT)
                : protocol instanceof Long l ? String.valueOf(l) : "";
        return switch (text) {
            case "-1", "all" -> "all";
            case "6", "tcp" -> "tcp";
            case "17", "udp" -> "udp";
            case "1", "icmp" -> "icmp";
            case "58", "icmpv6" -> "icmpv6";
            default -> text.length() <= 16 ? text : "";
        };
    }

    private static boolean coversAll(long from, long to) {
        return (from == 0 && to == 0) || from == -1 || to == -1;
    }

    private static Long asLong(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        if (value instanceof String s && INTEGER.matcher(s.trim()).matches()) {
            return Long.parseLong(s.trim());
        }
        return null;
    }
}
