package news.comments.article;

import java.util.List;

/** A page of the admin's article list; {@code next} is the {@code after} of the following page, null at the end. */
public record ArticlePage(List<ArticleView> articles, String next) {
}
