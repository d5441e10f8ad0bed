package dev.tollgate.forge;

/** A comment on one line of the new side of the diff (GitHub {@code side: RIGHT}). */
public record InlineComment(String path, int line, String body) {
}
