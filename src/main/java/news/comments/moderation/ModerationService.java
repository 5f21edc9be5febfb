package news.comments.moderation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import news.comments.article.ArticleIds;
import news.comments.automod.Hit;
import news.comments.automod.RuleHits;
import news.comments.comment.Comment;
import news.comments.comment.CommentChanged;
import news.comments.comment.CommentRepository;
import news.comments.comment.CommentStatus;
import news.comments.report.OpenReport;
import news.comments.report.ReportRepository;
import news.comments.web.Cursor;
import news.comments.web.InvalidRequestException;
import news.comments.web.NotFoundException;
import news.comments.web.Slice;
import org.hibernate.StaleStateException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    static final String REPORTED = "REPORTED";
    /** The rule names the queue can be filtered by; {@code reports} is the rule that hides reported comments. */
    static final List<String> RULES = List.of("max-links", "hold-word", "block-list", "returning-commenter",
            "honeypot", "banned", "reports");
    private static final Pattern CONTROL_EXCEPT_NEWLINE = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private final CommentRepository comments;
    private final RuleHits ruleHits;
    private final ReportRepository reports;
    private final Clock clock;
    private final Event<CommentChanged> changed;

    ModerationService(CommentRepository comments, RuleHits ruleHits, ReportRepository reports, Clock clock,
                      Event<CommentChanged> changed) {
        this.comments = comments;
        this.ruleHits = ruleHits;
        this.reports = reports;
        this.clock = clock;
        this.changed = changed;
    }

    /** The queue of one status, or {@code REPORTED}: approved comments with open reports, most reported first. */
    @Transactional
    public QueuePage queue(String status, String articleId, String rule, String after, int limit) {
        boolean reported = status != null && status.trim().equalsIgnoreCase(REPORTED);
        CommentStatus wanted = reported ? CommentStatus.APPROVED : parseStatus(status);
        if (articleId != null && !articleId.isEmpty()) {
            ArticleIds.require(articleId);
        } else {
            articleId = null;
        }
        String ruleName = rule == null || rule.isBlank() ? null : rule.trim();
        if (ruleName != null && !RULES.contains(ruleName)) {
            throw InvalidRequestException.of("rule", "must be one of " + String.join(", ", RULES));
        }
        Cursor cursor = Cursor.decode("after", after).orElse(null);
        Slice<Comment> page = Slice.of(reported
                ? comments.reportedPage(articleId, ruleName, cursor, limit + 1)
                : comments.queuePage(wanted, articleId, ruleName, cursor, limit + 1), limit);
        String next = page.next(last -> (reported ? new Cursor(last.openReports(), last.id())
                : Cursor.at(last.createdAt(), last.id())).encode());
        return new QueuePage(reported ? REPORTED : wanted.name(), articleId, ruleName, items(page.items()), next);
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
    public ModerationDetail decide(long id, Decision decision, Long expectedVersion, String moderator, String reason) {
        String why = checkReason(reason);
        Comment comment = find(id);
        if (expectedVersion != null && expectedVersion != comment.version()) {
            throw new StaleVersionException(expectedVersion, comment.version());
        }
        CommentStatus before = comment.status();
        boolean moved = comment.decide(decision.result(), moderator, why, clock.instant());
        if (moved) {
            reports.closeAllOf(comment.id());
        }
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
        return detail(comment);
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
                if (moved) {
                    reports.closeAllOf(comment.id());
                }
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

    /** Views for a page of comments: their rule hits and open reports come in one query each, not one per item. */
    private List<ModerationItem> items(List<Comment> page) {
        List<Long> ids = page.stream().map(Comment::id).toList();
        Map<Long, List<Hit>> hits = ruleHits.forComments(ids);
        Map<Long, List<OpenReport>> open = reports.openFor(ids);
        return page.stream().map(c -> ModerationItem.of(c, hits.getOrDefault(c.id(), List.of()),
                open.getOrDefault(c.id(), List.of()))).toList();
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
            throw InvalidRequestException.of("status", "must be one of PENDING, APPROVED, REJECTED, SPAM, REPORTED");
        }
    }
}
