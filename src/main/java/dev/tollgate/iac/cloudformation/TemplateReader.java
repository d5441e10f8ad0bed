package dev.tollgate.iac.cloudformation;

import dev.tollgate.iac.DeclaredException;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Unknown;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One CloudFormation (or SAM) template document into resources, errors and declared exceptions. */
final class TemplateReader {
    private static final String SERVERLESS = "AWS::Serverless::";

    private final String file;
    private final MappingNode root;
    private final List<Resource> resources;
    private final List<ScanError> errors;
    private final List<DeclaredException> exceptions;
    private final Map<String, String> types = new LinkedHashMap<>();

    TemplateReader(String file, MappingNode root, List<Resource> resources, List<ScanError> errors,
                   List<DeclaredException> exceptions) {
        this.file = file;
        this.root = root;
        this.resources = resources;
        this.errors = errors;
        this.exceptions = exceptions;
    }

    /** A mapping with {@code AWSTemplateFormatVersion}, or with {@code Resources} whose entries have an AWS type. */
    static boolean isTemplate(Node document) {
        if (!(document instanceof MappingNode mapping)) {
            return false;
        }
        if (TemplateResolver.child(mapping, "AWSTemplateFormatVersion") != null) {
            return true;
        }
        if (!(TemplateResolver.child(mapping, "Resources") instanceof MappingNode resources)) {
            return false;
        }
        return resources.getValue().stream().anyMatch(t -> t.getValueNode() instanceof MappingNode r
                && TemplateResolver.child(r, "Type") instanceof ScalarNode type && type.getValue().startsWith("AWS::"));
    }

    void read() {
        Map<String, MappingNode> definitions = new LinkedHashMap<>();
        for (NodeTuple tuple : section("Resources")) {
            String logicalId = TemplateResolver.scalarText(tuple.getKeyNode());
            if (tuple.getValueNode() instanceof MappingNode definition
                    && TemplateResolver.child(definition, "Type") instanceof ScalarNode type) {
                definitions.put(logicalId, definition);
                types.put(logicalId, type.getValue());
            } else {
                errors.add(new ScanError(file, TemplateYaml.line(tuple.getKeyNode()), TemplateYaml.column(tuple.getKeyNode()),
                        "resource '" + TemplateYaml.shorten(logicalId) + "' has no Type"));
            }
        }
        Map<String, MappingNode> parameters = new LinkedHashMap<>();
        for (NodeTuple tuple : section("Parameters")) {
            if (tuple.getValueNode() instanceof MappingNode parameter) {
                parameters.put(TemplateResolver.scalarText(tuple.getKeyNode()), parameter);
            }
        }
        Map<String, Node> conditions = new LinkedHashMap<>();
        for (NodeTuple tuple : section("Conditions")) {
            conditions.put(TemplateResolver.scalarText(tuple.getKeyNode()), tuple.getValueNode());
        }
        MappingNode mappings = TemplateResolver.child(root, "Mappings") instanceof MappingNode m ? m : null;
        TemplateResolver resolver = new TemplateResolver(parameters, conditions, mappings, types);
        for (NodeTuple tuple : section("Resources")) {
            String logicalId = TemplateResolver.scalarText(tuple.getKeyNode());
            MappingNode definition = definitions.get(logicalId);
            if (definition != null) {
                try {
                    readResource(resolver, tuple.getKeyNode(), logicalId, types.get(logicalId), definition);
                } catch (TemplateError e) {
                    errors.add(new ScanError(file, e.line, e.column, "resource " + logicalId + ": " + e.getMessage()));
                    if (e.getMessage().startsWith("template too large")) {
                        return;
                    }
                }
            }
        }
    }

    private void readResource(TemplateResolver resolver, Node key, String logicalId, String type, MappingNode definition) {
        TemplateResolver.Trace trace = new TemplateResolver.Trace();
        if (TemplateResolver.child(definition, "Condition") instanceof ScalarNode condition
                && Boolean.FALSE.equals(resolver.condition(condition.getValue(), trace))) {
            return; // never created
        }
        String address = type + "." + logicalId;
        Node propertiesNode = TemplateResolver.child(definition, "Properties");
        Object properties = propertiesNode == null ? new LinkedHashMap<String, Object>()
                : resolver.resolve(propertiesNode, "", trace);
        if (properties == TemplateResolver.NO_VALUE) {
            properties = new LinkedHashMap<String, Object>();
        }
        if (!(properties instanceof Map<?, ?>)) {
            errors.add(new ScanError(file, TemplateYaml.line(propertiesNode), TemplateYaml.column(propertiesNode),
                    address + ": Properties " + (properties == Unknown.VALUE
                            ? "cannot be resolved statically, resource not checked" : "is not a mapping")));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new LinkedHashMap<>((Map<String, Object>) properties);
        if (type.startsWith(SERVERLESS)) {
            mergeGlobals(resolver, type.substring(SERVERLESS.length()), attributes, trace);
        }
        addDependsOn(definition, trace);
        trace.references.remove(address);
        resources.add(new Resource("cloudformation", type, address, file, TemplateYaml.line(key),
                Math.max(TemplateYaml.line(key), TemplateYaml.endLine(definition)), attributes, trace.lines,
                Set.copyOf(trace.references)));
        exceptions.addAll(MetadataExceptions.of(file, address, TemplateResolver.child(definition, "Metadata")));
    }

    private void mergeGlobals(TemplateResolver resolver, String section, Map<String, Object> attributes,
                              TemplateResolver.Trace trace) {
        if (!(TemplateResolver.child(root, "Globals") instanceof MappingNode globals)
                || !(TemplateResolver.child(globals, section) instanceof MappingNode sectionNode)) {
            return;
        }
        TemplateResolver.Trace globalTrace = new TemplateResolver.Trace();
        if (resolver.resolve(sectionNode, "", globalTrace) instanceof Map<?, ?> values) {
            @SuppressWarnings("unchecked")
            Map<String, Object> globalValues = (Map<String, Object>) values;
            SamGlobals.merge(globalValues, globalTrace.lines, attributes, trace.lines);
            trace.references.addAll(globalTrace.references);
        }
    }

    private void addDependsOn(MappingNode definition, TemplateResolver.Trace trace) {
        Node dependsOn = TemplateResolver.child(definition, "DependsOn");
        List<Node> names = dependsOn instanceof SequenceNode seq ? seq.getValue()
                : dependsOn == null ? List.of() : List.of(dependsOn);
        for (Node name : names) {
            String type = types.get(TemplateResolver.scalarText(name));
            if (type != null) {
                trace.references.add(type + "." + TemplateResolver.scalarText(name));
            }
        }
    }

    private List<NodeTuple> section(String name) {
        return TemplateResolver.child(root, name) instanceof MappingNode m ? m.getValue() : new ArrayList<>();
    }
}
