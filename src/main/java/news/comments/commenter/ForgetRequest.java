package news.comments.commenter;

/** The body of {@code POST /api/commenters/forget}: the key to revoke. */
public record ForgetRequest(String commenterKey) {

    @Override
    public String toString() {
        return "ForgetRequest[redacted]";
    }
}
