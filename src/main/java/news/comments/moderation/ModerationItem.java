package news.comments.moderation;

import news.comments.comment.Comment;

import java.time.Instant;

/**
 * A comment as moderators see it: everything needed to decide, personal data included. Only the moderation door
 * returns it.
 */
public record ModerationItem(long id, String articleId, Long parentId, String authorName, String authorEmail,
                             String authorUrl, String body, String bodyHtml, String status, Instant createdAt,
                             String ip, String userAgent, String moderatedBy, Instant moderatedAt, long version) {

    public static ModerationItem of(Comment comment) {
        return new ModerationItem(comment.id(), comment.articleId(), comment.parentId(), comment.authorName(),
                comment.authorEmail(), comment.authorUrl(), comment.body(), comment.bodyHtml(),
                comment.status().name(), comment.createdAt(), comment.ip(), comment.userAgent(),
                comment.moderatedBy(), comment.moderatedAt(), comment.version());
    }
}
