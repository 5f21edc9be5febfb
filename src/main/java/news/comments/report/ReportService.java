package news.comments.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import news.comments.automod.FloodedException;
import news.comments.comment.Comment;
import news.comments.comment.CommentLifecycle;
import news.comments.comment.CommentRepository;
import news.comments.infra.InsertOnce;
import news.comments.infra.KeyedHashes;
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

    /** The name under which the threshold's hiding of a comment is shown to moderators, as a rule's hit. */
    public static final String RULE = "reports";
    static final Set<String> REASONS = Set.of("spam", "abuse", "off-topic", "other");
    static final int NOTE_MAX = 1000;

    private final ReportRepository reports;
    private final CommentRepository comments;
    private final CommentLifecycle lifecycle;
    private final ReportSettings.Source settings;
    private final ReportConfig config;
    private final KeyedHashes keyedHashes;
    private final Clock clock;
    private final Event<CommentReported> reported;

    ReportService(ReportRepository reports, CommentRepository comments, CommentLifecycle lifecycle,
                  ReportSettings.Source settings, ReportConfig config, KeyedHashes keyedHashes,
                  Clock clock, Event<CommentReported> reported) {
        this.reported = reported;
        this.reports = reports;
        this.comments = comments;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.config = config;
        this.keyedHashes = keyedHashes;
        this.clock = clock;
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
        // false: the same IP reported the same comment at the same moment, and one of them counts
        String ipKey = keyedHashes.ip(ip);
        InsertOnce.tryInsert(() -> file(commentId, reason, note, ipKey));
    }

    /** {@code ipKey}: the keyed hash of the reporter's IP, all that is stored of it. */
    private void file(long commentId, String reason, String note, String ipKey) {
        Instant now = clock.instant();
        Comment comment = comments.findById(commentId);
        if (comment == null || !comment.isPublic()) {
            throw new NotFoundException("There is no published comment with this id");
        }
        limitRate(ipKey, now);
        if (reports.alreadyReported(commentId, ipKey)) {
            return;
        }
        Report report = new Report();
        report.commentId = commentId;
        report.reason = reason;
        report.note = note;
        report.ipKey = ipKey;
        report.createdAt = now;
        report.open = true;
        reports.persist(report);
        reports.flush();
        lifecycle.countReport(comment, settings.reportSettings().hideThreshold(), RULE);
        reported.fire(new CommentReported(commentId, comment.articleId(), reason, comment.openReports()));
    }

    /** Erasure of an address: it is cut out of every report's note that names it. */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
    public void forgetAddress(String address, String replacement) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(address),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        // LIKE narrows the rows (its wildcards may match more: "_" is common in addresses); the pattern decides
        String narrowed = "%" + address.toLowerCase(java.util.Locale.ROOT) + "%";
        for (Report report : reports.list("lower(note) like ?1", narrowed)) {
            if (pattern.matcher(report.note).find()) {
                report.note = pattern.matcher(report.note)
                        .replaceAll(java.util.regex.Matcher.quoteReplacement(replacement));
            }
        }
    }

    private void limitRate(String ipKey, Instant now) {
        Duration window = Duration.ofHours(1);
        Object[] recent = reports.recentBy(ipKey, now.minus(window));
        long count = (Long) recent[0];
        if (count >= config.maxPerHourPerIp()) {
            Instant oldest = (Instant) recent[1];
            long seconds = Math.max(1, Duration.between(now, oldest.plus(window)).toSeconds() + 1);
            throw new FloodedException(seconds, "reporting");
        }
    }
}
