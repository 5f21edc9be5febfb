package news.comments.comment;

/**
 * One change of one comment, fired by {@link CommentLifecycle} and by nothing else, exactly once per change. Observers
 * that react to what is committed (caches, the moderators' stream, the relay to other instances, mail, webhooks,
 * metrics) observe it {@code during = AFTER_SUCCESS}, so they never see a change that was rolled back; an observer
 * that must not lose its work writes to the database in the change's own transaction instead (a plain
 * {@code @Observes} runs inside it). {@code from} is null for a new comment. It carries ids, not the entity: after the
 * commit an entity is detached, so a listener reads what it needs in its own transaction. {@code by} and
 * {@code reason} are null for a change relayed from another instance, which this one only knows by its statuses.
 * {@code notifyAuthor}: the moderator asked that the author be told (the reason of a rejection). {@code erasure}: the
 * author's address was erased, so whoever keeps the author's data of this comment must forget it.
 */
public record CommentChanged(String articleId, long commentId, CommentStatus from, CommentStatus to, Actor by,
                             String reason, boolean notifyAuthor, boolean erasure) {

    /** Any change but an erasure. */
    public CommentChanged(String articleId, long commentId, CommentStatus from, CommentStatus to, Actor by,
                          String reason, boolean notifyAuthor) {
        this(articleId, commentId, from, to, by, reason, notifyAuthor, false);
    }

    /** A change known only by its statuses: relayed from another instance. */
    public CommentChanged(String articleId, long commentId, CommentStatus from, CommentStatus to) {
        this(articleId, commentId, from, to, null, null, false);
    }

    /** Whether the public thread of the article may look different now. */
    public boolean touchesPublicThread() {
        return from == CommentStatus.APPROVED || to == CommentStatus.APPROVED;
    }
}
