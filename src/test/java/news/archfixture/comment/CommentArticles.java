package news.archfixture.comment;

import news.archfixture.article.ArticleCounts;

/** With {@link ArticleCounts}, a cycle between comment and article. */
public class CommentArticles {

    int count(ArticleCounts counts) {
        return counts.count();
    }
}
