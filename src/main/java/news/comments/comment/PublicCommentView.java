package news.comments.comment;

import java.time.Instant;

/**
 * A comment as anyone may see it. This record has no field that could carry the author's personal data: adding one
 * is the only way it could leak, and the privacy tests would catch it. {@code editedAt}: the author's last edit, null
 * if never edited; {@code avatarKey} is null for an erased author.
 */
public record PublicCommentView(long id, Long parentId, String authorName, String authorUrl, String body,
                                String bodyHtml, Instant createdAt, String avatarKey, Instant editedAt) {

    public static PublicCommentView of(Comment comment) {
        return new PublicCommentView(comment.id(), comment.parentId(), comment.authorName(), comment.authorUrl(),
                comment.body(), comment.bodyHtml(), comment.createdAt(), comment.avatarKey(), comment.editedAt());
    }
}
