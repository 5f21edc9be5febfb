package news.comments.comment;

/** How many approved comments an article has, for the "12 comments" link under a headline. */
public record CommentCount(String articleId, long approved) {
}
