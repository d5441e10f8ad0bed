package dev.tollgate.iac.terraform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The object of a resource instance as other expressions see it: the attributes set in configuration. Reading
 * an attribute that configuration does not set ({@code id}, {@code arn}) gives unknown instead of an error,
 * because the provider computes it.
 */
final class OpenObject extends LinkedHashMap<String, Object> {
    OpenObject(Map<String, Object> known) {
        super(known);
    }
}
