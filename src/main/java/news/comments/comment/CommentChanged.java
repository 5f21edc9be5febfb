package news.comments.comment;

/**
 * Fired after the transaction that created or decided a comment commits, so that listeners (caches, the moderators'
 * stream, metrics) never see a change that was rolled back. {@code from} is null for a new comment.
 */
public record CommentChanged(String articleId, long commentId, CommentStatus from, CommentStatus to) {

    /** Whether the public thread of the article may look different now. */
    public boolean touchesPublicThread() {
        return from == CommentStatus.APPROVED || to == CommentStatus.APPROVED;
    }
}
