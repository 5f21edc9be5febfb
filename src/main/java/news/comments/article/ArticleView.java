package news.comments.article;

import java.time.Instant;
import java.util.Map;

/** An article as admins see it, with how many of its comments are in each status. */
public record ArticleView(String articleId, String title, String url, boolean commentsOpen, String moderation,
                          Instant createdAt, Map<String, Long> comments) {

    static ArticleView of(Article article, Map<String, Long> counts) {
        return new ArticleView(article.id(), article.title(), article.url(), article.commentsOpen(),
                article.moderation().name(), article.createdAt(), counts);
    }
}
