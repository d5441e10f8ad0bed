package dev.tollgate.forge;

/**
 * Something the bot wrote earlier on a pull request, recognised by its hidden marker.
 *
 * @param kind      where it lives
 * @param id        the platform's id
 * @param path      file of an inline comment, else null
 * @param line      line of an inline comment on the new side, 0 when not known (outdated or not inline)
 * @param body      full text, marker included
 * @param inReplyTo for a reply in the thread of an inline comment, that comment's id; else 0
 */
public record BotComment(Kind kind, long id, String path, int line, String body, long inReplyTo) {

    /** A comment that answers no other (a review, a conversation comment or the first comment of a thread). */
    public BotComment(Kind kind, long id, String path, int line, String body) {
        this(kind, id, path, line, body, 0);
    }

    public boolean isReply() {
        return inReplyTo != 0;
    }

    public enum Kind { INLINE, REVIEW, CONVERSATION }
}
