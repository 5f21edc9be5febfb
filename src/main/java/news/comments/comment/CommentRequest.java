package news.comments.comment;

/**
 * What a reader sends. Only fields a reader may set: status, time, IP and user agent never come from the body.
 * {@code toString} is redacted because the email is personal data.
 */
public record CommentRequest(String authorName, String authorEmail, String authorUrl, String body, Long parentId) {

    @Override
    public String toString() {
        return "CommentRequest[parentId=" + parentId + "]";
    }
}
