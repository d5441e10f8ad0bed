package dev.tollgate.iac.hcl;

import java.util.List;

/**
 * A parsed file. When the file has syntax errors, {@code body} still holds every block and attribute that
 * could be read (the parser recovers at the next top-level item) and {@code errors} says what went wrong.
 */
public record HclFile(String path, Body body, List<HclError> errors) {
}
