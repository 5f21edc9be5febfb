package news.comments.moderation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import news.comments.article.ArticleIds;
import news.comments.comment.Comment;
import news.comments.comment.CommentChanged;
import news.comments.comment.CommentRepository;
import news.comments.comment.CommentStatus;
import news.comments.web.Cursor;
import news.comments.web.InvalidRequestException;
import news.comments.web.NotFoundException;
import org.hibernate.StaleStateException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Moderators' decisions. Two moderators never overwrite each other unknowingly: an {@code If-Match} version is
 * checked against the row, and the entity's {@code @Version} makes the database pick one winner when both pass that
 * check at the same instant, even on two instances.
 */
@ApplicationScoped
public class ModerationService {

    static final int BULK_MAX = 200;
    static final int REASON_MAX = 2000;
    private static final Pattern CONTROL_EXCEPT_NEWLINE = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private final CommentRepository comments;
    private final Clock clock;
    private final Event<CommentChanged> changed;

    ModerationService(CommentRepository comments, Clock clock, Event<CommentChanged> changed) {
        this.comments = comments;
        this.clock = clock;
        this.changed = changed;
    }

    @Transactional
    public QueuePage queue(String status, String articleId, String after, int limit) {
        CommentStatus wanted = parseStatus(status);
        if (articleId != null && !articleId.isEmpty()) {
            ArticleIds.require(articleId);
        } else {
            articleId = null;
        }
        Cursor cursor = Cursor.decode("after", after).orElse(null);
        List<Comment> page = comments.queuePage(wanted, articleId, cursor, limit + 1);
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        String next = null;
        if (more) {
            Comment last = page.get(page.size() - 1);
            next = new Cursor(last.createdAt(), last.id()).encode();
        }
        return new QueuePage(wanted.name(), articleId, page.stream().map(ModerationItem::of).toList(), next);
    }

    @Transactional
    public ModerationDetail detail(long id) {
        return ModerationDetail.of(find(id));
    }

    /**
     * Applies one decision. {@code expectedVersion} is the moderator's {@code If-Match}, or null to decide whatever
     * the comment is now.
     */
    @Transactional
    public ModerationDetail decide(long id, Decision decision, Long expectedVersion, String moderator, String reason) {
        String why = checkReason(reason);
        Comment comment = find(id);
        if (expectedVersion != null && expectedVersion != comment.version()) {
            throw new StaleVersionException(expectedVersion, comment.version());
        }
        CommentStatus before = comment.status();
        boolean moved = comment.decide(decision.result(), moderator, why, clock.instant());
        try {
            comments.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            if (expectedVersion != null) {
                throw new StaleVersionException(expectedVersion, expectedVersion + 1);
            }
            throw e;
        }
        if (moved) {
            changed.fire(new CommentChanged(comment.articleId(), comment.id(), before, comment.status()));
        }
        return ModerationDetail.of(comment);
    }

    /** One decision for many comments, each in its own transaction so that one failure spoils none of the rest. */
    public BulkResult bulk(BulkRequest request, String moderator) {
        if (request == null) {
            throw InvalidRequestException.of("action", "must be one of approve, reject, spam");
        }
        Decision decision = Decision.parse("action", request.action());
        if (request.ids() == null || request.ids().isEmpty() || request.ids().size() > BULK_MAX
                || request.ids().contains(null)) {
            throw InvalidRequestException.of("ids", "must list 1 to " + BULK_MAX + " comment ids");
        }
        String why = checkReason(request.reason());
        List<BulkResult.Outcome> outcomes = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(request.ids())) {
            outcomes.add(decideOne(id, decision, moderator, why));
        }
        return new BulkResult(decision.slug(), outcomes);
    }

    private BulkResult.Outcome decideOne(long id, Decision decision, String moderator, String reason) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Comment comment = comments.findById(id);
                if (comment == null) {
                    return new BulkResult.Outcome(id, "not-found", null, null);
                }
                CommentStatus before = comment.status();
                boolean moved = comment.decide(decision.result(), moderator, reason, clock.instant());
                comments.flush();
                if (moved) {
                    changed.fire(new CommentChanged(comment.articleId(), comment.id(), before, comment.status()));
                }
                return new BulkResult.Outcome(id, moved ? "changed" : "unchanged", comment.status().name(),
                        comment.version());
            });
        } catch (RuntimeException e) {
            if (isConflict(e)) {
                return new BulkResult.Outcome(id, "conflict", null, null);
            }
            throw e;
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private Comment find(long id) {
        Comment comment = comments.findById(id);
        if (comment == null) {
            throw new NotFoundException("There is no comment with this id");
        }
        return comment;
    }

    private static String checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        // control characters out, as in a comment body: PostgreSQL refuses a NUL byte in text outright
        String trimmed = CONTROL_EXCEPT_NEWLINE.matcher(reason).replaceAll("").strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.codePointCount(0, trimmed.length()) > REASON_MAX) {
            throw InvalidRequestException.of("reason", "must be at most " + REASON_MAX + " characters");
        }
        return trimmed;
    }

    private static CommentStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return CommentStatus.PENDING;
        }
        try {
            return CommentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("status", "must be one of PENDING, APPROVED, REJECTED, SPAM");
        }
    }
}
