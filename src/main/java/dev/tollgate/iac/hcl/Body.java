package dev.tollgate.iac.hcl;

import java.util.List;

/** The content of a file or of a block: attributes and nested blocks, each list in source order. */
public record Body(List<Attribute> attributes, List<Block> blocks, Range range) {
}
