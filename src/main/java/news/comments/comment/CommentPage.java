package news.comments.comment;

import java.util.List;

/**
 * One page of an article's approved comments, oldest first. {@code total} counts all approved comments of the
 * article; {@code next} is the {@code after} of the following page, null at the end.
 */
public record CommentPage(String articleId, long total, List<PublicCommentView> comments, String next) {
}
