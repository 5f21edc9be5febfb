package news.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import news.comments.article.Article;
import news.comments.article.ArticleIds;
import news.comments.article.ArticleService;
import news.comments.config.CommentsConfig;
import news.comments.web.Cursor;
import news.comments.web.InvalidRequestException;
import news.comments.web.NotFoundException;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The reader's side: posting a comment, and reading an article's approved thread. */
@ApplicationScoped
public class CommentService {

    private final CommentRepository comments;
    private final ArticleService articles;
    private final CommentForm form;
    private final CommentRenderer renderer;
    private final AvatarKeys avatarKeys;
    private final CommentsConfig config;
    private final Clock clock;
    private final Event<CommentChanged> changed;

    CommentService(CommentRepository comments, ArticleService articles, CommentForm form, CommentRenderer renderer,
                   AvatarKeys avatarKeys, CommentsConfig config, Clock clock, Event<CommentChanged> changed) {
        this.comments = comments;
        this.articles = articles;
        this.form = form;
        this.renderer = renderer;
        this.avatarKeys = avatarKeys;
        this.config = config;
        this.clock = clock;
        this.changed = changed;
    }

    /** Where a new comment comes from; the connection, never the body, supplies these. */
    public record Origin(String ip, String userAgent) {
        @Override
        public String toString() {
            return "Origin[redacted]";
        }
    }

    @Transactional
    public PostedComment post(String articleId, CommentRequest request, Origin origin) {
        ArticleIds.require(articleId);
        CommentForm.Valid valid = form.check(request);
        Article article = articles.forNewComment(articleId);
        if (!article.commentsOpen()) {
            throw new CommentsClosedException();
        }
        Comment parent = valid.parentId() == null ? null : replyableParent(articleId, valid.parentId());
        Comment.Author author = new Comment.Author(valid.authorName(), valid.authorEmail(), valid.authorUrl(),
                origin.ip(), origin.userAgent());
        Comment comment = new Comment(articleId, parent, author, valid.body(), renderer.toHtml(valid.body()),
                avatarKeys.of(valid.authorEmail()), CommentStatus.PENDING, "new comment", clock.instant());
        comments.persist(comment);
        comments.flush();
        changed.fire(new CommentChanged(articleId, comment.id(), null, comment.status()));
        return new PostedComment(PublicCommentView.of(comment), comment.status().name());
    }

    /** A reply must answer an approved comment of the same article, and stay within the thread's depth. */
    private Comment replyableParent(String articleId, long parentId) {
        Comment parent = comments.findById(parentId);
        if (parent == null || !parent.isPublic()) {
            throw InvalidRequestException.of("parentId", "must be an approved comment");
        }
        if (!parent.articleId().equals(articleId)) {
            throw InvalidRequestException.of("parentId", "must be a comment of the same article");
        }
        int maxDepth = config.thread().maxDepth();
        if (parent.depth() >= maxDepth) {
            throw InvalidRequestException.of("parentId",
                    "replies nest at most " + maxDepth + " levels; answer a comment higher up");
        }
        return parent;
    }

    @Transactional
    public CommentPage thread(String articleId, String after, int limit) {
        ArticleIds.require(articleId);
        Cursor cursor = Cursor.decode("after", after).orElse(null);
        List<Comment> page = comments.approvedPage(articleId, cursor, limit + 1);
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        String next = null;
        if (more) {
            Comment last = page.get(page.size() - 1);
            next = new Cursor(last.createdAt(), last.id()).encode();
        }
        return new CommentPage(articleId, comments.countApproved(articleId),
                page.stream().map(PublicCommentView::of).toList(), next);
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
