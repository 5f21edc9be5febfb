package news.comments.article;

/**
 * What an admin sets on an article. A PUT replaces title, URL and {@code commentsOpen} (absent means open);
 * {@code moderation} ({@code PRE} or {@code POST}) absent keeps the article's mode, or gives a new article the
 * default mode of the settings.
 */
public record ArticleRequest(String title, String url, Boolean commentsOpen, String moderation) {
}
