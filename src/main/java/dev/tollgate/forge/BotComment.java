package dev.tollgate.forge;

/**
 * Something the bot wrote earlier on a pull request, recognised by its hidden marker.
 *
 * @param kind where it lives
 * @param id   the platform's id
 * @param path file of an inline comment, else null
 * @param line line of an inline comment on the new side, 0 when not known (outdated or not inline)
 * @param body full text, marker included
 */
public record BotComment(Kind kind, long id, String path, int line, String body) {

    public enum Kind { INLINE, REVIEW, CONVERSATION }
}
