package news.comments.commenter;

/**
 * The answer to a verification: the address the reader proved, and the key their browser keeps for it. The key
 * appears in this answer only; the service stores its hash.
 */
public record VerifiedView(String email, String commenterKey) {

    /** Neither the address nor the key belongs in a log. */
    @Override
    public String toString() {
        return "VerifiedView[redacted]";
    }
}
