package news.comments.moderation;

import news.comments.automod.Hit;
import news.comments.comment.Comment;
import news.comments.report.OpenReport;

import java.time.Instant;
import java.util.List;

/**
 * A comment as moderators see it: everything needed to decide, personal data included, with the automatic decision
 * explained (the rules that fired, and the learned filter's {@code spamScore}: 0-1, null while the filter was
 * untrained or off when the comment arrived) and the open reports. Only the moderation door returns it. An erased
 * author's email is null, and so are the IP and user agent once erased or past {@code comments.privacy.ip-retention};
 * {@code editedAt} is the author's last edit; {@code pinned}: pinned in the system it was imported from (Remark42).
 */
public record ModerationItem(long id, String articleId, Long parentId, String authorName, String authorEmail,
                             String authorUrl, String body, String bodyHtml, String status, Instant createdAt,
                             String ip, String userAgent, String moderatedBy, Instant moderatedAt, long version,
                             AutoDecision autoDecision, Double spamScore, int openReports, List<OpenReport> reports,
                             boolean emailVerified, boolean keyMatched, Instant editedAt, boolean pinned) {

    /** The status the rules chose and every rule that fired, each with what it saw. */
    public record AutoDecision(String status, List<FiredRule> rules) {
    }

    public record FiredRule(String name, String effect, String detail) {
    }

    /**
     * {@code emailVerified}: the author's address is verified now; {@code keyMatched}: this post carried the
     * address's key. Only both together mean the owner of the address wrote it.
     */
    public static ModerationItem of(Comment comment, List<Hit> hits, List<OpenReport> reports,
                                    boolean emailVerified) {
        AutoDecision autoDecision = new AutoDecision(comment.autoStatus().name(), hits.stream()
                .map(h -> new FiredRule(h.rule(), h.effect().slug(), h.detail())).toList());
        return new ModerationItem(comment.id(), comment.articleId(), comment.parentId(), comment.authorName(),
                comment.authorEmail().isEmpty() ? null : comment.authorEmail(), comment.authorUrl(), comment.body(), comment.bodyHtml(),
                comment.status().name(), comment.createdAt(), comment.ip(), comment.userAgent(),
                comment.moderatedBy(), comment.moderatedAt(), comment.version(), autoDecision, comment.spamScore(),
                comment.openReports(), reports, emailVerified, comment.keyMatched(), comment.editedAt(),
                comment.pinned());
    }
}
