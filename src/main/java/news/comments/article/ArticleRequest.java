package news.comments.article;

/** What an admin sets on an article. A PUT replaces all three; {@code commentsOpen} absent means open. */
public record ArticleRequest(String title, String url, Boolean commentsOpen) {
}
