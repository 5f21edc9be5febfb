package news.comments.commenter;

/**
 * The answer to a verification: the address the reader proved, and the key their browser keeps for it. The key
 * appears in this answer only; the service stores its hash.
 */
public record VerifiedView(String email, String commenterKey) {
}
