package news.comments.privacy;

/** The body of {@code POST /api/commenters/erase}: the token of the mailed link. */
public record TokenRequest(String token) {

    @Override
    public String toString() {
        return "TokenRequest[redacted]";
    }
}
