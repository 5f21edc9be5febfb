package news.comments.moderation;

import news.comments.article.ArticleIds;
import news.comments.comment.CommentStatus;
import news.comments.web.Cursor;
import news.comments.web.InvalidRequestException;

import java.util.List;
import java.util.Locale;

/**
 * Which page of the moderation queue a moderator asks for, parsed at the door from {@code status}, {@code articleId},
 * {@code rule} and {@code after}. {@code status} is a comment status or the pseudo-status {@code REPORTED} (published
 * comments with open reports, most reported first); absent means {@code PENDING}. {@code rule} is one of the names
 * {@link QueueRules} knows, or null for any.
 */
public record QueueQuery(CommentStatus status, boolean reported, String articleId, String rule, Cursor after,
                         int limit) {

    static final String REPORTED = "REPORTED";

    /** {@code rules}: the rule names a filter may name ({@link QueueRules}). */
    static QueueQuery parse(String status, String articleId, String rule, String after, int limit,
                            List<String> rules) {
        boolean reported = status != null && status.trim().equalsIgnoreCase(REPORTED);
        CommentStatus wanted = reported ? CommentStatus.APPROVED : parseStatus(status);
        String article = articleId == null || articleId.isEmpty() ? null : ArticleIds.require(articleId);
        String ruleName = rule == null || rule.isBlank() ? null : rule.trim();
        if (ruleName != null && !rules.contains(ruleName)) {
            throw InvalidRequestException.of("rule", "must be one of " + String.join(", ", rules));
        }
        return new QueueQuery(wanted, reported, article, ruleName, Cursor.decode("after", after).orElse(null), limit);
    }

    /** The name of the queue as the page reports it: a status, or {@code REPORTED}. */
    String name() {
        return reported ? REPORTED : status.name();
    }

    private static CommentStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return CommentStatus.PENDING;
        }
        try {
            return CommentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("status", "must be one of PENDING, APPROVED, REJECTED, SPAM, UNVERIFIED, DELETED, REPORTED");
        }
    }
}
