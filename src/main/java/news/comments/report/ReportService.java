package news.comments.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import news.comments.automod.Effect;
import news.comments.automod.FloodedException;
import news.comments.automod.Hit;
import news.comments.automod.RuleHits;
import news.comments.automod.SettingsService;
import news.comments.comment.Comment;
import news.comments.comment.CommentChanged;
import news.comments.comment.CommentRepository;
import news.comments.comment.CommentStatus;
import news.comments.config.CommentsConfig;
import news.comments.web.InvalidRequestException;
import news.comments.web.NotFoundException;
import news.comments.web.Problem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Readers' reports on published comments. One report per comment per IP counts (a second one is accepted and
 * ignored, so nobody learns what counted); each IP may file {@code comments.reports.max-per-hour-per-ip} reports an
 * hour. When a comment's open reports reach the threshold it goes back to PENDING, hidden until a moderator decides.
 */
@ApplicationScoped
public class ReportService {

    static final Set<String> REASONS = Set.of("spam", "abuse", "off-topic", "other");
    static final int NOTE_MAX = 1000;

    private final ReportRepository reports;
    private final CommentRepository comments;
    private final RuleHits ruleHits;
    private final SettingsService settings;
    private final CommentsConfig config;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Event<CommentChanged> changed;

    ReportService(ReportRepository reports, CommentRepository comments, RuleHits ruleHits, SettingsService settings,
                  CommentsConfig config, EntityManager entityManager, Clock clock, Event<CommentChanged> changed) {
        this.reports = reports;
        this.comments = comments;
        this.ruleHits = ruleHits;
        this.settings = settings;
        this.config = config;
        this.entityManager = entityManager;
        this.clock = clock;
        this.changed = changed;
    }

    public void report(long commentId, ReportRequest request, String ip) {
        String reason = request == null || request.reason() == null ? null : request.reason().trim();
        String note = request == null || request.note() == null || request.note().isBlank() ? null
                : request.note().strip();
        List<Problem.Violation> violations = new ArrayList<>();
        if (reason == null || !REASONS.contains(reason)) {
            violations.add(new Problem.Violation("reason", "must be one of spam, abuse, off-topic, other"));
        }
        if (note != null && note.codePointCount(0, note.length()) > NOTE_MAX) {
            violations.add(new Problem.Violation("note", "must be at most " + NOTE_MAX + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> file(commentId, reason, note, ip));
        } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            // the same IP reported the same comment at the same moment: one of them counts
        }
    }

    private void file(long commentId, String reason, String note, String ip) {
        Instant now = clock.instant();
        Comment comment = comments.findById(commentId);
        if (comment == null || !comment.isPublic()) {
            throw new NotFoundException("There is no published comment with this id");
        }
        limitRate(ip, now);
        if (reports.alreadyReported(commentId, ip)) {
            return;
        }
        Report report = new Report();
        report.commentId = commentId;
        report.reason = reason;
        report.note = note;
        report.ip = ip;
        report.createdAt = now;
        report.open = true;
        reports.persist(report);
        reports.flush();
        // counted in the database, so simultaneous reports on several instances add up exactly
        entityManager.createNativeQuery("update comment set open_reports = open_reports + 1 where id = ?1")
                .setParameter(1, commentId).executeUpdate();
        entityManager.refresh(comment);
        int threshold = settings.current().reportsHideThreshold();
        if (comment.status() == CommentStatus.APPROVED && comment.openReports() >= threshold) {
            String detail = "reports: " + comment.openReports() + " open reports, threshold " + threshold;
            comment.holdForReports(detail, now);
            ruleHits.record(commentId, List.of(new Hit("reports", Effect.HOLD, detail)));
            comments.flush();
            changed.fire(new CommentChanged(comment.articleId(), commentId, CommentStatus.APPROVED,
                    CommentStatus.PENDING));
        }
    }

    private void limitRate(String ip, Instant now) {
        Duration window = Duration.ofHours(1);
        Object[] recent = reports.recentBy(ip, now.minus(window));
        long count = (Long) recent[0];
        if (count >= config.reports().maxPerHourPerIp()) {
            Instant oldest = (Instant) recent[1];
            long seconds = Math.max(1, Duration.between(now, oldest.plus(window)).toSeconds() + 1);
            throw new FloodedException(seconds);
        }
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
