package news.comments.comment;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/**
 * What a reader sends. Only fields a reader may set: status, time, IP and user agent never come from the body.
 * {@code commenterKey} is the secret the reader's browser holds for a verified address; {@code notifyReplies} and
 * {@code notifyPublished} are the form's opt-ins (unchecked by default); {@code pageUrl} and {@code pageTitle} are the
 * article page the embed runs on. Properties the form does not define land in {@code otherFields}, where the
 * honeypot rule looks for its hidden field (its name is a run-time setting). {@code toString} is redacted because the
 * email and the key are personal.
 */
public record CommentRequest(String authorName, String authorEmail, String authorUrl, String body, Long parentId,
                             String commenterKey, Boolean notifyReplies, Boolean notifyPublished, String pageUrl,
                             String pageTitle, @JsonAnySetter Map<String, Object> otherFields) {

    public CommentRequest(String authorName, String authorEmail, String authorUrl, String body, Long parentId) {
        this(authorName, authorEmail, authorUrl, body, parentId, null, null, null, null, null, Map.of());
    }

    /** The value of an extra form field as text, or null when it was not sent. */
    public String otherField(String name) {
        Object value = otherFields == null ? null : otherFields.get(name);
        return value == null ? null : value.toString();
    }

    boolean wantsReplies() {
        return Boolean.TRUE.equals(notifyReplies);
    }

    boolean wantsPublished() {
        return Boolean.TRUE.equals(notifyPublished);
    }

    @Override
    public String toString() {
        return "CommentRequest[parentId=" + parentId + "]";
    }
}
