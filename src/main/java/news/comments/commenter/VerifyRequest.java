package news.comments.commenter;

/** The body of {@code POST /api/commenters/verify}, {@code /unsubscribe} and the like: a token from a mail. */
public record VerifyRequest(String token) {

    @Override
    public String toString() {
        return "VerifyRequest[redacted]";
    }
}
