package news.comments.comment;

/** Where a comment stands; only {@code APPROVED} comments are ever public. */
public enum CommentStatus {
    PENDING, APPROVED, REJECTED, SPAM
}
