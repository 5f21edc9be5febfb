package news.comments.moderation;

/**
 * The optional body of approve, reject and spam: why, for the history, and for a rejection whether the author should
 * be told that reason by mail ({@code notifyAuthor}; only to a verified address, and never for spam).
 */
public record DecisionRequest(String reason, Boolean notifyAuthor) {
}
