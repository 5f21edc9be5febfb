package news.comments.comment;

/**
 * One change of one comment, fired by {@link CommentLifecycle} and by nothing else, exactly once per change. Observers
 * that react to what is committed (caches, the moderators' stream, the relay to other instances, mail, webhooks,
 * metrics) observe it {@code during = AFTER_SUCCESS}, so they never see a change that was rolled back; an observer
 * that must not lose its work writes to the database in the change's own transaction instead (a plain
 * {@code @Observes} runs inside it). {@code from} is null for a new comment. It carries ids, not the entity: after the
 * commit an entity is detached, so a listener reads what it needs in its own transaction.
 * <ul>
 * <li>{@code kind}: which of the lifecycle's changes it is, so that a listener need not guess it from the statuses
 * (an admin's erasure and a moderator's decision are both by a moderator).</li>
 * <li>{@code by}, {@code reason} and {@code kind} are null for a change relayed from another instance, which this one
 * only knows by its statuses.</li>
 * <li>{@code notifyAuthor}: the moderator asked that the author be told (the reason of a rejection).</li>
 * <li>{@code trains}: an imported comment whose file's decision counts as a moderator's ({@code train=true}), for
 * the learned filter; false for every other change.</li>
 * </ul>
 */
public record CommentChanged(String articleId, long commentId, Kind kind, CommentStatus from, CommentStatus to,
                             Actor by, String reason, boolean notifyAuthor, boolean trains) {

    /** The lifecycle's changes, one value per path. */
    public enum Kind {
        /** A new comment, in the status the rules gave it ({@code from} null). */
        POSTED,
        /** A moderator's decision (or the system's, in a test or a tool), single or in bulk. */
        DECIDED,
        /** Readers' reports reached the threshold: hidden (PENDING) by the system. */
        HELD_FOR_REPORTS,
        /** A comment that waited for its address ({@code UNVERIFIED}) entered the flow when it was confirmed. */
        RELEASED,
        /** Its author edited it. */
        EDITED,
        /** Its author deleted it ({@code DELETED}). */
        DELETED_BY_AUTHOR,
        /** Its author's personal data was erased (by the reader or an admin); the status stays or becomes DELETED. */
        ERASED,
        /** Stored by an import ({@code from} null, {@code by} {@link Actor#IMPORT}). */
        IMPORTED,
        /**
         * A comment that waited for its address longer than a verification link lives was removed: {@code from}
         * UNVERIFIED, {@code to} DELETED, and its row is gone.
         */
        DISCARDED
    }

    /** A change known only by its statuses: relayed from another instance. */
    public CommentChanged(String articleId, long commentId, CommentStatus from, CommentStatus to) {
        this(articleId, commentId, null, from, to, null, null, false, false);
    }

    /** The author's address was erased: whoever keeps the author's data of this comment must forget it. */
    public boolean erasure() {
        return kind == Kind.ERASED;
    }

    /** Whether the public thread of the article may look different now. */
    public boolean touchesPublicThread() {
        return from == CommentStatus.APPROVED || to == CommentStatus.APPROVED;
    }
}
