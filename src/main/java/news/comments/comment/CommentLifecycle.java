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
        fire(comment, before, by, reason);
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

    private void fire(Comment comment, CommentStatus from, Actor by, String reason) {
        changed.fire(new CommentChanged(comment.articleId(), comment.id(), from, comment.status(), by, reason));
    }

    /** A comment about to be posted, as the posting side prepared it. */
    record NewComment(String articleId, Comment parent, Comment.Author author, String body, String fingerprint,
                      CommentStatus status, String reason, Double spamScore, Instant createdAt) {
        @Override
        public String toString() {
            return "NewComment[" + articleId + ", " + status + "]";
        }
    }
}
