package dev.tollgate.forge;

import java.util.List;

/** One review: a body and the inline comments, posted together (event COMMENT, never approve/reject). */
public record ReviewDraft(String body, List<InlineComment> comments) {
    public ReviewDraft {
        body = body == null ? "" : body;
        comments = List.copyOf(comments);
    }
}
