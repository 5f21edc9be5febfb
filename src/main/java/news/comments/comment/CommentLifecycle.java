package news.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The one owner of every change of a comment's status or content: posting, a moderator's decision (bulk is a loop
 * over it), the report threshold, and every later kind (an author's edit or deletion, erasure, import). Each change
 * checks the version where the caller saw one, writes its history line, and fires exactly one {@link CommentChanged}.
 * Nothing else changes a comment, so a listener of that event misses nothing. Every method runs inside its caller's
 * transaction, which decides the transaction's bounds (one per comment in bulk).
 */
@ApplicationScoped
public class CommentLifecycle {

    private final CommentRepository comments;
    private final CommentRenderer renderer;
    private final AvatarKeys avatarKeys;
    private final EntityManager entityManager;
    private final Event<CommentChanged> changed;
    private final Clock clock;

    CommentLifecycle(CommentRepository comments, CommentRenderer renderer, AvatarKeys avatarKeys,
                     EntityManager entityManager, Event<CommentChanged> changed, Clock clock) {
        this.comments = comments;
        this.renderer = renderer;
        this.avatarKeys = avatarKeys;
        this.entityManager = entityManager;
        this.changed = changed;
        this.clock = clock;
    }

    /**
     * Stores a new comment in the status the rules chose; the system's decision, with the rules' reason, is the
     * first line of its history. Its HTML and avatar key are derived here, where every later edit derives them too. The same text from the same author winning a race on another request or instance
     * is refused as a duplicate by the database.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Comment post(NewComment draft) {
        Comment comment = new Comment(draft.articleId(), draft.parent(), draft.author(), draft.body(),
                renderer.toHtml(draft.body()), avatarKeys.of(draft.author().email()), draft.fingerprint(),
                draft.status(), draft.reason(), draft.spamScore(), draft.createdAt());
        comment.choices(draft.keyMatched(), draft.notifyReplies(), draft.notifyPublished());
        comment.editToken(draft.editTokenHash());
        try {
            comments.persist(comment);
            comments.flush();
        } catch (ConstraintViolationException e) {
            throw new DuplicateCommentException();
        }
        fire(comment, null, Actor.SYSTEM, draft.reason());
        return comment;
    }

    /**
     * A moderator's decision (or the system's). {@code expectedVersion} is the version the moderator saw
     * ({@code If-Match}), or null to decide whatever the comment is now. Answers whether anything changed: deciding
     * what a comment already is, with no reports open, changes nothing and fires nothing. Two decisions that pass the
     * version check at the same instant meet at the row's {@code @Version}, even on two instances: one wins, the
     * other gets {@link StaleVersionException} (with a version) or the database's optimistic-lock error (without).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean decide(Comment comment, CommentStatus to, Actor by, String reason, Long expectedVersion) {
        return decide(comment, to, by, reason, expectedVersion, false);
    }

    /** The same, and {@code notifyAuthor}: the moderator asked to tell the author (a rejection's reason). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean decide(Comment comment, CommentStatus to, Actor by, String reason, Long expectedVersion,
                          boolean notifyAuthor) {
        if (expectedVersion != null && expectedVersion != comment.version()) {
            throw new StaleVersionException(expectedVersion, comment);
        }
        CommentStatus before = comment.status();
        if (!comment.decide(to, by, reason, clock.instant())) {
            return false;
        }
        try {
            comments.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            if (expectedVersion != null) {
                throw new StaleVersionException(expectedVersion);
            }
            throw e;
        }
        fire(comment, before, by, reason, notifyAuthor);
        return true;
    }

    /**
     * A reader's report was filed: the comment's count of open reports goes up by one in the database (so that
     * simultaneous reports on several instances add up exactly), and at the threshold a published comment is hidden
     * (PENDING) until a moderator decides. Answers the explanation when it was hidden.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> countReport(Comment comment, int hideThreshold) {
        entityManager.createNativeQuery("update comment set open_reports = open_reports + 1 where id = ?1")
                .setParameter(1, comment.id()).executeUpdate();
        entityManager.refresh(comment);
        if (comment.status() != CommentStatus.APPROVED || comment.openReports() < hideThreshold) {
            return Optional.empty();
        }
        String reason = "reports: " + comment.openReports() + " open reports, threshold " + hideThreshold;
        CommentStatus before = comment.status();
        comment.holdForReports(reason, clock.instant());
        comments.flush();
        fire(comment, before, Actor.SYSTEM, reason);
        return Optional.of(reason);
    }

    /**
     * A comment that waited for its address ({@code UNVERIFIED}) enters the normal flow with the status the rules
     * give it now, as the system's decision.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void release(Comment comment, CommentStatus to, String reason) {
        CommentStatus before = comment.status();
        comment.release(to, reason, clock.instant());
        comments.flush();
        fire(comment, before, Actor.SYSTEM, reason);
    }

    /**
     * Removes comments that waited for their address longer than a verification link lives: never shown, never
     * queued, so nothing is announced. Answers how many.
     */
    @Transactional
    public int discardUnverifiedBefore(Instant cutoff) {
        @SuppressWarnings("unchecked")
        java.util.List<Number> ids = entityManager.createNativeQuery("select id from comment where status = "
                + "'UNVERIFIED' and created_at < ?1").setParameter(1, cutoff).getResultList();
        for (Number id : ids) {
            for (String table : java.util.List.of("moderation_event", "rule_hit", "idempotency_key")) {
                entityManager.createNativeQuery("delete from " + table + " where comment_id = ?1")
                        .setParameter(1, id.longValue()).executeUpdate();
            }
            entityManager.createNativeQuery("delete from comment where id = ?1 and status = 'UNVERIFIED'")
                    .setParameter(1, id.longValue()).executeUpdate();
        }
        return ids.size();
    }

    /**
     * The author's edit, already checked by the form's rules and judged by the rules: new text, its HTML derived
     * here as at posting, and the status {@code to} the edit leaves it in. The history gets a line by the author
     * even when the status stays. The same text as another comment of this author on the article is a duplicate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void edit(Comment comment, String body, CommentStatus to, String reason) {
        CommentStatus before = comment.status();
        comment.edit(body, renderer.toHtml(body), PostingService.fingerprint(body), to, reason, clock.instant());
        try {
            comments.flush();
        } catch (ConstraintViolationException e) {
            throw new DuplicateCommentException();
        }
        fire(comment, before, Actor.AUTHOR, reason);
    }

    /**
     * The author took their comment back: a {@code PENDING}, {@code APPROVED} or {@code UNVERIFIED} one becomes
     * {@code DELETED}. Answers false when nothing changed: it already was, or moderators or rules decided it
     * {@code SPAM} or {@code REJECTED}, which stays as decided ({@link Comment#decidedAgainst}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean deleteByAuthor(Comment comment) {
        CommentStatus before = comment.status();
        if (!comment.deleteByAuthor(clock.instant())) {
            return false;
        }
        comments.flush();
        fire(comment, before, Actor.AUTHOR, "deleted by its author");
        return true;
    }

    /**
     * Erases the personal data of a comment whose author's address ({@code address}, keyed hash
     * {@code keyedAddress}) is being erased: anonymized, or with {@code delete} also taken out of every public view
     * (status {@code DELETED}, unless decided {@code SPAM} or {@code REJECTED}) and emptied. One history line, one
     * event, marked as an erasure so that listeners holding the author's data forget it too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(Comment comment, String address, String keyedAddress, boolean delete, Actor by,
                      String reason) {
        CommentStatus before = comment.status();
        String body = Comment.withoutAddress(comment.body(), address);
        comment.erase(address, keyedAddress, delete, renderer.toHtml(body), reason, by, clock.instant());
        comments.flush();
        changed.fire(new CommentChanged(comment.articleId(), comment.id(), before, comment.status(), by, reason,
                false, true));
    }

    /**
     * Removes the IP address and user agent of comments written before {@code cutoff}
     * ({@code comments.privacy.ip-retention}). Neither status nor content changes, so nothing is announced.
     */
    @Transactional
    public int forgetOriginsBefore(Instant cutoff) {
        return entityManager.createNativeQuery("update comment set ip = null, user_agent = null "
                + "where created_at < ?1 and (ip is not null or user_agent is not null)")
                .setParameter(1, cutoff).executeUpdate();
    }

    /** The author unsubscribed from replies to this comment (not a change of status or content: no event). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stopReplyMail(long commentId) {
        Comment comment = comments.findById(commentId);
        if (comment != null) {
            comment.stopReplyMail();
        }
    }

    private void fire(Comment comment, CommentStatus from, Actor by, String reason) {
        fire(comment, from, by, reason, false);
    }

    private void fire(Comment comment, CommentStatus from, Actor by, String reason, boolean notifyAuthor) {
        changed.fire(new CommentChanged(comment.articleId(), comment.id(), from, comment.status(), by, reason,
                notifyAuthor));
    }

    /**
     * Stores an imported comment as the file has it (status, time, parent), its HTML rendered here from its plain
     * text like every other comment's. Imports announce nothing, so no mail, webhook or metric follows, unless the
     * import {@code trains} the learned filter: then the file's decision counts as a moderator's (decided by
     * {@code import}, so a retrain keeps it too) and one {@link CommentChanged} by {@link Actor#IMPORT} is fired,
     * which the filter learns from and mail, webhooks and metrics skip. The caller has checked that its source id is
     * new; a race with a simultaneous import of the same file is refused by the unique constraint.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Comment imported(ImportedComment draft, boolean trains) {
        String fingerprint = fingerprintOfImport(draft.source(), draft.sourceId());
        Comment comment = Comment.imported(draft.articleId(), draft.parent(), draft.author(), draft.body(),
                renderer.toHtml(draft.body()), avatarKeys.of(draft.author().email()), fingerprint, draft.status(),
                draft.source(), draft.sourceId(), draft.createdAt(), draft.history(), trains);
        comments.persist(comment);
        if (trains) {
            fire(comment, null, Actor.IMPORT, "imported from " + draft.source());
        }
        return comment;
    }

    /**
     * Imported comments are not refused as duplicates (a file may hold the same short text twice from an author
     * without an address), so their fingerprint is their source id's, unique anyway.
     */
    private static String fingerprintOfImport(String source, String sourceId) {
        return news.comments.web.Hashes.sha256Hex("import:" + source + ":" + sourceId);
    }

    /** A comment of an import file, as the importer read it; {@code parent} is null for a top-level one. */
    public record ImportedComment(String articleId, Comment parent, Comment.Author author, String body,
                                  CommentStatus status, Instant createdAt, String source, String sourceId,
                                  java.util.List<PastChange> history) {
        @Override
        public String toString() {
            return "ImportedComment[" + source + ":" + sourceId + "]";
        }
    }

    /** One line of an imported comment's history, as the service's own export wrote it. */
    public record PastChange(String actor, CommentStatus from, CommentStatus to, String reason, Instant at) {
    }

    /** A comment about to be posted, as the posting side prepared it. */
    record NewComment(String articleId, Comment parent, Comment.Author author, String body, String fingerprint,
                      CommentStatus status, String reason, Double spamScore, Instant createdAt, boolean keyMatched,
                      boolean notifyReplies, boolean notifyPublished, String editTokenHash) {
        @Override
        public String toString() {
            return "NewComment[" + articleId + ", " + status + "]";
        }
    }
}
