package dev.tollgate.iac.cloudformation;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.Map;

/** Names of the intrinsic functions in their short ({@code !Ref}) and long ({@code Fn::Join}) forms. */
final class Intrinsics {
    static final String REF = "Ref";
    static final String CONDITION = "Condition";

    private static final Map<String, String> SHORT_FORMS = Map.ofEntries(
            Map.entry("!Ref", REF), Map.entry("!Condition", CONDITION),
            Map.entry("!Sub", "Fn::Sub"), Map.entry("!GetAtt", "Fn::GetAtt"), Map.entry("!If", "Fn::If"),
            Map.entry("!Join", "Fn::Join"), Map.entry("!Select", "Fn::Select"), Map.entry("!Split", "Fn::Split"),
            Map.entry("!FindInMap", "Fn::FindInMap"), Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!Cidr", "Fn::Cidr"), Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!GetAZs", "Fn::GetAZs"), Map.entry("!Equals", "Fn::Equals"), Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"), Map.entry("!Not", "Fn::Not"), Map.entry("!Transform", "Fn::Transform"),
            Map.entry("!Length", "Fn::Length"), Map.entry("!ToJsonString", "Fn::ToJsonString"));

    private Intrinsics() {
    }

    /** The long name of a short-form tag ({@code !Join} gives {@code Fn::Join}), else null. */
    static String shortForm(Node node) {
        return SHORT_FORMS.get(node.getTag().getValue());
    }

    /**
     * The function of a long-form call: a one-key mapping {@code Ref} or {@code Fn::…}, or {@code Condition}
     * naming a condition (only inside conditions, where a one-key {@code Condition} mapping is a call).
     */
    static String longForm(MappingNode node, boolean conditionsAllowed) {
        if (node.getValue().size() != 1 || !(node.getValue().get(0).getKeyNode() instanceof ScalarNode key)) {
            return null;
        }
        String name = key.getValue();
        if (name.equals(REF) || name.startsWith("Fn::")) {
            return name;
        }
        return conditionsAllowed && name.equals(CONDITION)
                && node.getValue().get(0).getValueNode() instanceof ScalarNode ? name : null;
    }
}
