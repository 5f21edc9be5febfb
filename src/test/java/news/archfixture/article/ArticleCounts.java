package news.archfixture.article;

import news.archfixture.comment.Comment;

/** A feature below comment that depends on it (and so makes a cycle with CommentArticles). */
public class ArticleCounts {

    public int count() {
        return new Comment().hashCode();
    }
}
