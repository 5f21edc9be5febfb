package news.comments.moderation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import news.comments.automod.Hit;
import news.comments.automod.RuleHits;
import news.comments.comment.Actor;
import news.comments.comment.Comment;
import news.comments.comment.CommentLifecycle;
import news.comments.comment.CommentRepository;
import news.comments.commenter.Commenters;
import news.comments.report.OpenReport;
import news.comments.report.ReportRepository;
import news.comments.web.Cursor;
import news.comments.web.NotFoundException;
import news.comments.web.Slice;
import org.hibernate.StaleStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moderators' decisions, one at a time or in bulk, and the queue they decide from. A decision is made by
 * {@link CommentLifecycle}, which checks the version the moderator saw, so two moderators never overwrite each other
 * unknowingly, even on two instances; a decision also answers the comment's open reports.
 */
@ApplicationScoped
public class ModerationService {

    private final CommentRepository comments;
    private final CommentLifecycle lifecycle;
    private final QueueRepository queue;
    private final RuleHits ruleHits;
    private final ReportRepository reports;
    private final Commenters commenters;

    ModerationService(CommentRepository comments, CommentLifecycle lifecycle, QueueRepository queue,
                      RuleHits ruleHits, ReportRepository reports, Commenters commenters) {
        this.commenters = commenters;
        this.comments = comments;
        this.lifecycle = lifecycle;
        this.queue = queue;
        this.ruleHits = ruleHits;
        this.reports = reports;
    }

    /** A page of the queue: one status, or {@code REPORTED}: approved comments with open reports. */
    @Transactional
    public QueuePage queue(QueueQuery query) {
        Slice<Comment> page = Slice.of(queue.pageOf(query), query.limit());
        String next = page.next(last -> (query.reported() ? new Cursor(last.openReports(), last.id())
                : Cursor.at(last.createdAt(), last.id())).encode());
        return new QueuePage(query.name(), query.articleId(), query.rule(), items(page.items()), next);
    }

    @Transactional
    public ModerationDetail detail(long id) {
        return detail(find(id));
    }

    /**
     * Applies one decision. {@code expectedVersion} is the moderator's {@code If-Match}, or null to decide whatever
     * the comment is now.
     */
    @Transactional
    public ModerationDetail decide(long id, Decision decision, Long expectedVersion, Actor moderator, String reason,
                                   boolean notifyAuthor) {
        Comment comment = find(id);
        apply(comment, decision, moderator, reason, expectedVersion, notifyAuthor);
        return detail(comment);
    }

    /**
     * The single decision for many comments, each in its own transaction so that one failure spoils none of the
     * rest: a comment someone changed at the same moment is a {@code conflict}, not an error.
     */
    public BulkResult bulk(BulkCommand command, Actor moderator) {
        List<BulkResult.Outcome> outcomes = new ArrayList<>();
        for (Long id : command.ids()) {
            outcomes.add(decideOne(id, command.decision(), moderator, command.reason()));
        }
        return new BulkResult(command.decision().slug(), outcomes);
    }

    private BulkResult.Outcome decideOne(long id, Decision decision, Actor moderator, String reason) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Comment comment = comments.findById(id);
                if (comment == null) {
                    return new BulkResult.Outcome(id, "not-found", null, null);
                }
                boolean moved = apply(comment, decision, moderator, reason, null, false);
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

    /** The one decision path: the lifecycle moves the comment, and a move answers its open reports. */
    private boolean apply(Comment comment, Decision decision, Actor moderator, String reason, Long expectedVersion,
                          boolean notifyAuthor) {
        boolean moved = lifecycle.decide(comment, decision.result(), moderator, reason, expectedVersion,
                notifyAuthor);
        if (moved) {
            reports.closeAllOf(comment.id());
        }
        return moved;
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** Views for a page of comments: their rule hits and open reports come in one query each, not one per item. */
    private List<ModerationItem> items(List<Comment> page) {
        List<Long> ids = page.stream().map(Comment::id).toList();
        Map<Long, List<Hit>> hits = ruleHits.forComments(ids);
        Map<Long, List<OpenReport>> open = reports.openFor(ids);
        Set<String> verified = commenters.verifiedAmong(page.stream()
                .map(c -> c.authorEmail().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
        return page.stream().map(c -> ModerationItem.of(c, hits.getOrDefault(c.id(), List.of()),
                open.getOrDefault(c.id(), List.of()), verified.contains(c.authorEmail().toLowerCase(Locale.ROOT))))
                .toList();
    }

    private ModerationDetail detail(Comment comment) {
        return ModerationDetail.of(items(List.of(comment)).get(0), comment);
    }

    private Comment find(long id) {
        Comment comment = comments.findById(id);
        if (comment == null) {
            throw new NotFoundException("There is no comment with this id");
        }
        return comment;
    }
}
