package news.comments.automod;

import news.comments.comment.CommentStatus;

import java.util.List;
import java.util.stream.Collectors;

/** The auto-moderator's decision on a new comment: the status it starts in and every rule that fired. */
public record Verdict(CommentStatus status, List<Hit> hits) {

    /** The reason written in the history line of the system's decision. */
    public String reason(news.comments.article.ModerationMode mode) {
        if (hits.isEmpty()) {
            return mode == news.comments.article.ModerationMode.PRE ? "pre-moderation: held for review"
                    : "post-moderation: published at once";
        }
        return hits.stream().map(Hit::detail).collect(Collectors.joining("; "));
    }
}
