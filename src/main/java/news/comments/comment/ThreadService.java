package news.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.comments.article.ArticleIds;
import news.comments.web.Cursor;
import news.comments.web.InvalidRequestException;
import news.comments.web.NotFoundException;
import news.comments.web.Slice;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The reading side of the public door: an article's approved thread, one published comment, counts. Only published
 * comments and their public views leave here; {@link ThreadCache} keeps the thread's pages.
 */
@ApplicationScoped
public class ThreadService {

    private final CommentRepository comments;

    ThreadService(CommentRepository comments) {
        this.comments = comments;
    }

    @Transactional
    public CommentPage thread(String articleId, Cursor after, int limit) {
        ArticleIds.require(articleId);
        Slice<Comment> page = Slice.of(comments.approvedPage(articleId, after, limit + 1), limit);
        return new CommentPage(articleId, comments.countApproved(articleId),
                page.items().stream().map(PublicCommentView::of).toList(),
                page.next(last -> Cursor.at(last.createdAt(), last.id()).encode()));
    }

    @Transactional
    public PublicCommentView approvedComment(long id) {
        Comment comment = comments.findById(id);
        if (comment == null || !comment.isPublic()) {
            throw new NotFoundException("There is no published comment with this id");
        }
        return PublicCommentView.of(comment);
    }

    /** Each article's approved count, in the order asked, in one grouped query; 0 for unknown articles. */
    @Transactional
    public CommentCounts counts(List<String> articleIds) {
        if (articleIds == null || articleIds.isEmpty() || articleIds.size() > CommentCounts.MAX_ARTICLES) {
            throw InvalidRequestException.of("articleId",
                    "must be given 1 to " + CommentCounts.MAX_ARTICLES + " times");
        }
        articleIds.forEach(ArticleIds::require);
        List<String> distinct = List.copyOf(new LinkedHashSet<>(articleIds));
        Map<String, Long> found = comments.countApproved(distinct);
        Map<String, Long> counts = new LinkedHashMap<>();
        distinct.forEach(id -> counts.put(id, found.getOrDefault(id, 0L)));
        return new CommentCounts(counts);
    }

    @Transactional
    public CommentCount count(String articleId) {
        ArticleIds.require(articleId);
        return new CommentCount(articleId, comments.countApproved(articleId));
    }
}
