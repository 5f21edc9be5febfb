package news.comments.comment;

import java.time.Instant;

/**
 * A comment as its author sees it, holding its {@code editToken}: in any status, so that the embed can show "Your
 * comment is awaiting moderation" after a reload. Like the public view it has no field for the email, IP or user
 * agent. {@code status} is the real status except that {@code SPAM} shows as {@code PENDING}, as in the answer to
 * the post, so a spammer learns nothing; {@code editableUntil} is null when editing is off or the comment is deleted.
 */
public record AuthorCommentView(long id, String articleId, Long parentId, String authorName, String authorUrl,
                                String status, String body, String bodyHtml, Instant createdAt, Instant editedAt,
                                Instant editableUntil) {

    static AuthorCommentView of(Comment comment, Instant editableUntil) {
        CommentStatus shown = comment.status() == CommentStatus.SPAM ? CommentStatus.PENDING : comment.status();
        return new AuthorCommentView(comment.id(), comment.articleId(), comment.parentId(), comment.authorName(),
                comment.authorUrl(), shown.name(), comment.body(), comment.bodyHtml(), comment.createdAt(),
                comment.editedAt(), comment.status() == CommentStatus.DELETED ? null : editableUntil);
    }
}
