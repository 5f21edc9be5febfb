package news.comments.comment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import news.comments.automod.Effect;
import news.comments.automod.Hit;
import news.comments.automod.RuleHits;
import news.comments.web.Hashes;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one owner of every change of a comment's status or content: posting, a moderator's decision (bulk is a loop
 * over it), the report threshold, and every later kind (an author's edit or deletion, erasure, import). Each change
 * checks the version where the caller saw one, writes its history line, and fires exactly one {@link CommentChanged}.
 * Nothing else changes a comment, so a listener of that event misses nothing. The rule hits that explain a change
 * are stored before the event, so a listener inside the transaction sees the change with its reasons. Every method
 * but the hourly discard runs inside its caller's transaction, which decides the transaction's bounds (one per comment
 * in bulk).
 */
@ApplicationScoped
public class CommentLifecycle {

    private static final Logger LOG = Logger.getLogger(CommentLifecycle.class);

    private final CommentRepository comments;
    private final CommentRenderer renderer;
    private final AvatarKeys avatarKeys;
    private final RuleHits ruleHits;
    private final IdempotencyKeys idempotency;
    private final EntityManager entityManager;
    private final Event<CommentChanged> changed;
    private final Event<CommentRemoval> removal;
    private final Clock clock;

    CommentLifecycle(CommentRepository comments, CommentRenderer renderer, AvatarKeys avatarKeys, RuleHits ruleHits,
                     IdempotencyKeys idempotency, EntityManager entityManager, Event<CommentChanged> changed,
                     Event<CommentRemoval> removal, Clock clock) {
        this.comments = comments;
        this.renderer = renderer;
        this.avatarKeys = avatarKeys;
        this.ruleHits = ruleHits;
        this.idempotency = idempotency;
        this.entityManager = entityManager;
        this.changed = changed;
        this.removal = removal;
        this.clock = clock;
    }

    /**
     * Stores a new comment in the status the rules chose; the system's decision, with the rules' reason, is the
     * first line of its history, and the rules' {@code hits} are kept with it. Its HTML and avatar key are derived
     * here, where every later edit derives them too. The same text from the same author winning a race on another
     * request or instance is refused as a duplicate by the database.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Comment post(NewComment draft, List<Hit> hits) {
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
        ruleHits.record(comment.id(), hits);
        fire(CommentChanged.Kind.POSTED, comment, null, Actor.SYSTEM, draft.reason(), false);
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
        fire(CommentChanged.Kind.DECIDED, comment, before, by, reason, notifyAuthor);
        return true;
    }

    /**
     * A reader's report was filed: the comment's count of open reports goes up by one in the database (so that
     * simultaneous reports on several instances add up exactly), and at the threshold a published comment is hidden
     * (PENDING) until a moderator decides, explained by a hit of the rule {@code rule} stored before the change is
     * announced. Answers the explanation when it was hidden.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> countReport(Comment comment, int hideThreshold, String rule) {
        entityManager.createNativeQuery("update comment set open_reports = open_reports + 1 where id = ?1")
                .setParameter(1, comment.id()).executeUpdate();
        entityManager.refresh(comment);
        if (comment.status() != CommentStatus.APPROVED || comment.openReports() < hideThreshold) {
            return Optional.empty();
        }
        String reason = rule + ": " + comment.openReports() + " open reports, threshold " + hideThreshold;
        CommentStatus before = comment.status();
        comment.holdForReports(reason, clock.instant());
        comments.flush();
        ruleHits.record(comment.id(), List.of(new Hit(rule, Effect.HOLD, reason)));
        fire(CommentChanged.Kind.HELD_FOR_REPORTS, comment, before, Actor.SYSTEM, reason, false);
        return Optional.of(reason);
    }

    /**
     * A comment that waited for its address ({@code UNVERIFIED}) enters the normal flow with the status the rules
     * give it now, as the system's decision, with the rules' {@code hits}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void release(Comment comment, CommentStatus to, String reason, List<Hit> hits) {
        CommentStatus before = comment.status();
        comment.release(to, reason, clock.instant());
        comments.flush();
        ruleHits.record(comment.id(), hits);
        fire(CommentChanged.Kind.RELEASED, comment, before, Actor.SYSTEM, reason, false);
    }

    /**
     * Removes comments that waited for their address longer than a verification link lives ({@code cutoff}), each in
     * a transaction of its own, so that one that cannot go does not keep the others. A removed comment's row and
     * history go; the features that keep rows pointing at it clean their own ({@link CommentRemoval}), and one
     * {@link CommentChanged} ({@code DISCARDED}, UNVERIFIED → DELETED, by the system) tells the listeners. A waiting
     * comment with replies (possible only through an import) stays until its replies are gone. Answers how many
     * were removed.
     */
    public int discardUnverifiedBefore(Instant cutoff) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                        "select c.id from Comment c where c.status = :status and c.createdAt < :cutoff "
                                + "and not exists (select 1 from Comment r where r.parentId = c.id) order by c.id",
                        Long.class)
                .setParameter("status", CommentStatus.UNVERIFIED).setParameter("cutoff", cutoff).getResultList());
        int removed = 0;
        for (long id : ids) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> discard(id, cutoff))) {
                    removed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not remove the unconfirmed comment %d; tried again in an hour", id);
            }
        }
        return removed;
    }

    /** Removes one waiting comment if it is still waiting and still older than {@code cutoff}. */
    private boolean discard(long id, Instant cutoff) {
        Comment comment = comments.findById(id);
        if (comment == null || comment.status() != CommentStatus.UNVERIFIED || !comment.createdAt().isBefore(cutoff)) {
            return false;
        }
        removal.fire(new CommentRemoval(id));
        ruleHits.forgetComment(id);
        idempotency.forgetComments(List.of(id));
        entityManager.createQuery("delete from HistoryEntry h where h.comment.id = :id").setParameter("id", id)
                .executeUpdate();
        comments.delete(comment);
        comments.flush();
        changed.fire(new CommentChanged(comment.articleId(), id, CommentChanged.Kind.DISCARDED,
                CommentStatus.UNVERIFIED, CommentStatus.DELETED, Actor.SYSTEM,
                "the address was not confirmed in time", false, false));
        return true;
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
        fire(CommentChanged.Kind.EDITED, comment, before, Actor.AUTHOR, reason, false);
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
        fire(CommentChanged.Kind.DELETED_BY_AUTHOR, comment, before, Actor.AUTHOR, "deleted by its author", false);
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
        fire(CommentChanged.Kind.ERASED, comment, before, by, reason, false);
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

    private void fire(CommentChanged.Kind kind, Comment comment, CommentStatus from, Actor by, String reason,
                      boolean notifyAuthor) {
        changed.fire(new CommentChanged(comment.articleId(), comment.id(), kind, from, comment.status(), by, reason,
                notifyAuthor, false));
    }

    /**
     * Stores an imported comment as the file has it (status, time, parent), its HTML rendered here from its plain
     * text like every other comment's, and fires one {@link CommentChanged} ({@code IMPORTED}, by
     * {@link Actor#IMPORT}): the thread cache, the moderators' stream and the other instances hear of it, while mail,
     * webhooks and metrics skip imports. When the import {@code trains} the learned filter, the file's decision counts
     * as a moderator's (decided by {@code import}, so a retrain keeps it too) and the event says so
     * ({@link CommentChanged#trains()}). The caller has checked that its source id is new; a race with a simultaneous
     * import of the same file is refused by the unique constraint.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Comment imported(ImportedComment draft, boolean trains) {
        String fingerprint = fingerprintOfImport(draft.source(), draft.sourceId());
        Comment comment = Comment.imported(draft.articleId(), draft.parent(), draft.author(), draft.body(),
                renderer.toHtml(draft.body()), avatarKeys.of(draft.author().email()), fingerprint, draft.status(),
                draft.source(), draft.sourceId(), draft.createdAt(), draft.history(), trains);
        ImportedDetails details = draft.details();
        if (details != null) {
            comment.restoreDetails(details);
        }
        comments.persist(comment);
        if (details != null && !details.hits().isEmpty()) {
            comments.flush();
            ruleHits.restore(comment.id(), details.hits());
        }
        changed.fire(new CommentChanged(comment.articleId(), comment.id(), CommentChanged.Kind.IMPORTED, null,
                comment.status(), Actor.IMPORT, "imported from " + draft.source(), false, trains));
        return comment;
    }

    /**
     * Imported comments are not refused as duplicates (a file may hold the same short text twice from an author
     * without an address), so their fingerprint is their source id's, unique anyway.
     */
    private static String fingerprintOfImport(String source, String sourceId) {
        return Hashes.sha256Hex("import:" + source + ":" + sourceId);
    }

    /**
     * A comment of an import file, as the importer read it; {@code parent} is null for a top-level one. {@code details}
     * is what the file knows beyond a foreign export's fields (the service's own export, Remark42's pins), or null.
     */
    public record ImportedComment(String articleId, Comment parent, Comment.Author author, String body,
                                  CommentStatus status, Instant createdAt, String source, String sourceId,
                                  List<PastChange> history, ImportedDetails details) {

        public ImportedComment(String articleId, Comment parent, Comment.Author author, String body,
                               CommentStatus status, Instant createdAt, String source, String sourceId,
                               List<PastChange> history) {
            this(articleId, parent, author, body, status, createdAt, source, sourceId, history, null);
        }

        @Override
        public String toString() {
            return "ImportedComment[" + source + ":" + sourceId + "]";
        }
    }

    /**
     * What a restore brings back of a comment beyond its text, author and history: whether it is pinned, what its post
     * proved and asked for (the commenterKey matched, reply and publication mail), the rules' decision at posting
     * with its hits and the learned filter's score, its open reports, and the hash of its author's editToken (the
     * author keeps their rights). Imports of foreign files set only what those files have (a pin, a reply-mail choice).
     */
    public record ImportedDetails(boolean pinned, boolean keyMatched, boolean notifyReplies, boolean notifyPublished,
                                  CommentStatus autoStatus, Double spamScore, int openReports, String editTokenHash,
                                  List<Hit> hits) {

        /** Only a pin and a reply-mail choice, as Remark42 and Isso have them. */
        public static ImportedDetails of(boolean pinned, boolean notifyReplies) {
            return new ImportedDetails(pinned, false, notifyReplies, false, null, null, 0, null, List.of());
        }

        @Override
        public String toString() {
            return "ImportedDetails[pinned=" + pinned + "]";
        }
    }

    /**
     * One line of an imported comment's history, as the service's own export wrote it: {@code kind} null (an export
     * older than the kinds) reads the kind from the name ({@link Actor#named}).
     */
    public record PastChange(String actor, Actor.Kind kind, CommentStatus from, CommentStatus to, String reason,
                             Instant at) {

        public PastChange(String actor, CommentStatus from, CommentStatus to, String reason, Instant at) {
            this(actor, null, from, to, reason, at);
        }

        Actor who() {
            return kind == null ? Actor.named(actor) : new Actor(kind, actor);
        }
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
