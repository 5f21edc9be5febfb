package news.comments.comment;

/**
 * A comment's row is about to be removed ({@link CommentLifecycle#discardUnverifiedBefore}), fired inside the
 * removing transaction before the row goes. A feature that keeps rows pointing at the comment (reports, bans)
 * observes it with a plain {@code @Observes} and removes or detaches them: each feature cleans its own tables.
 */
public record CommentRemoval(long commentId) {
}
