package news.comments.moderation;

import news.comments.comment.CommentStatus;
import news.comments.web.InvalidRequestException;

import java.util.Locale;

/** The three decisions a moderator can make, as named in paths and in bulk requests. */
public enum Decision {
    APPROVE(CommentStatus.APPROVED), REJECT(CommentStatus.REJECTED), SPAM(CommentStatus.SPAM);

    private final CommentStatus result;

    Decision(CommentStatus result) {
        this.result = result;
    }

    public CommentStatus result() {
        return result;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Decision parse(String field, String action) {
        if (action != null) {
            for (Decision decision : values()) {
                if (decision.slug().equals(action.trim().toLowerCase(Locale.ROOT))) {
                    return decision;
                }
            }
        }
        throw InvalidRequestException.of(field, "must be one of approve, reject, spam");
    }
}
