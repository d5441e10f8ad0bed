package dev.tollgate.iac.hcl;

import java.util.List;

/**
 * {@code type "label" ... { body }}. {@code range} runs from the type keyword to the closing brace, the way the
 * reference parser reports block line ranges.
 */
public record Block(String type, List<String> labels, Body body, Range range, Range typeRange) {
}
