package news.comments.comment;

/**
 * A {@link CommentChanged} committed by another instance on the same PostgreSQL, relayed by {@link CommentChangeRelay}.
 * A separate type, so that a relayed change is never relayed again.
 */
public record CommentChangedElsewhere(CommentChanged change) {
}
