package news.comments.article;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import news.comments.comment.CommentRepository;
import news.comments.config.CommentsConfig;
import news.comments.web.HttpUrls;
import news.comments.web.InvalidRequestException;
import news.comments.web.NotFoundException;
import news.comments.web.Problem;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Articles: created by an admin, or on their first comment when the site lets them be. */
@ApplicationScoped
public class ArticleService {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final ArticleRepository articles;
    private final CommentRepository comments;
    private final CommentsConfig config;
    private final Clock clock;

    ArticleService(ArticleRepository articles, CommentRepository comments, CommentsConfig config, Clock clock) {
        this.articles = articles;
        this.comments = comments;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The article a new comment goes to. An unknown one is created (when auto-create is on) in a transaction of its
     * own, so that two first comments arriving together on two instances both succeed: the loser of the insert
     * race simply reads the winner's row.
     */
    @Transactional
    public Article forNewComment(String articleId) {
        Article article = articles.findById(articleId);
        if (article != null) {
            return article;
        }
        if (!config.articles().autoCreate()) {
            throw new NotFoundException("There is no article with this id");
        }
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    articles.persist(new Article(articleId, null, null, true, clock.instant())));
        } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException e) {
            // another request created it first; fall through and read theirs
        }
        article = articles.findById(articleId);
        if (article == null) {
            throw new NotFoundException("There is no article with this id");
        }
        return article;
    }

    /** Creates or replaces an article; answers whether it was created. */
    @Transactional
    public Saved put(String articleId, ArticleRequest request) {
        ArticleIds.require(articleId);
        if (request == null) {
            throw InvalidRequestException.of("request", "a JSON body is required");
        }
        String title = blankToNull(request.title());
        String url = blankToNull(request.url());
        List<Problem.Violation> violations = new ArrayList<>();
        if (title != null && title.codePointCount(0, title.length()) > 300) {
            violations.add(new Problem.Violation("title", "must be at most 300 characters"));
        }
        if (url != null && (url.length() > 2000 || !HttpUrls.isHttpUrl(url))) {
            violations.add(new Problem.Violation("url", "must be an http or https URL of at most 2000 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        boolean open = request.commentsOpen() == null || request.commentsOpen();
        Article article = articles.findById(articleId);
        boolean created = article == null;
        if (created) {
            article = new Article(articleId, title, url, open, clock.instant());
            articles.persist(article);
        } else {
            article.describe(title, url, open);
        }
        articles.flush();
        return new Saved(ArticleView.of(article, comments.countByStatus(List.of(articleId))
                .getOrDefault(articleId, Map.of())), created);
    }

    @Transactional
    public ArticlePage list(String after, int limit) {
        List<Article> page = articles.pageAfter(after, limit + 1);
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        Map<String, Map<String, Long>> counts = comments.countByStatus(page.stream().map(Article::id).toList());
        List<ArticleView> views = page.stream()
                .map(a -> ArticleView.of(a, counts.getOrDefault(a.id(), Map.of())))
                .toList();
        return new ArticlePage(views, more ? page.get(page.size() - 1).id() : null);
    }

    /** Control characters out (PostgreSQL refuses a NUL byte in text outright), trimmed, blank as missing. */
    private static String blankToNull(String value) {
        String cleaned = value == null ? null : CONTROL.matcher(value).replaceAll("").trim();
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    public record Saved(ArticleView article, boolean created) {
    }
}
