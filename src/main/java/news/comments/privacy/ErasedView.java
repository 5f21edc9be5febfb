package news.comments.privacy;

/** What an erasure did: how many comments it changed, and how ({@code anonymize} or {@code delete}). */
public record ErasedView(int comments, String mode) {
}
