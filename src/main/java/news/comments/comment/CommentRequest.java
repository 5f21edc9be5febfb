package news.comments.comment;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/**
 * What a reader sends. Only fields a reader may set: status, time, IP and user agent never come from the body.
 * Properties the form does not define land in {@code otherFields}, where the honeypot rule looks for its hidden
 * field (its name is a run-time setting). {@code toString} is redacted because the email is personal data.
 */
public record CommentRequest(String authorName, String authorEmail, String authorUrl, String body, Long parentId,
                             @JsonAnySetter Map<String, Object> otherFields) {

    public CommentRequest(String authorName, String authorEmail, String authorUrl, String body, Long parentId) {
        this(authorName, authorEmail, authorUrl, body, parentId, Map.of());
    }

    /** The value of an extra form field as text, or null when it was not sent. */
    public String otherField(String name) {
        Object value = otherFields == null ? null : otherFields.get(name);
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        return "CommentRequest[parentId=" + parentId + "]";
    }
}
