package news.comments.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.comments.comment.CommentChanged;

/**
 * One message of the moderators' live stream. It names the comment and its statuses only, never the author, so a
 * console fetches the details through the moderation door like any other read.
 * {@code type} is {@code new} (a comment arrived), {@code decided} (its status changed), {@code connected} (the first
 * message, sent once the stream listens) or {@code heartbeat} (keeps proxies from closing an idle stream).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamEvent(String type, Long commentId, String articleId, String from, String to) {

    static StreamEvent of(CommentChanged changed) {
        return new StreamEvent(changed.from() == null ? "new" : "decided", changed.commentId(), changed.articleId(),
                changed.from() == null ? null : changed.from().name(), changed.to().name());
    }

    static StreamEvent connected() {
        return new StreamEvent("connected", null, null, null, null);
    }

    static StreamEvent heartbeat() {
        return new StreamEvent("heartbeat", null, null, null, null);
    }
}
