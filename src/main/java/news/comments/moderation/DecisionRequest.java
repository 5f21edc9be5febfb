package news.comments.moderation;

/** The optional body of approve, reject and spam: why, for the history. */
public record DecisionRequest(String reason) {
}
