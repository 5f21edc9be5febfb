package news.comments.comment;

/**
 * Where a comment stands; only {@code APPROVED} comments are ever public. {@code UNVERIFIED}: waiting for its author to
 * confirm the address ({@code comments.mail.require-verification}), in no queue; {@code DELETED}: taken back by its
 * author, kept for moderators with its history.
 */
public enum CommentStatus {
    PENDING, APPROVED, REJECTED, SPAM, UNVERIFIED, DELETED
}
