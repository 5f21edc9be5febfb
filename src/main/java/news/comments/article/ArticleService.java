package news.comments.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.comments.infra.InsertOnce;
import news.comments.web.Cursor;
import news.comments.web.HttpUrls;
import news.comments.web.InvalidRequestException;
import news.comments.web.NotFoundException;
import news.comments.web.Problem;
import news.comments.web.Slice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Articles: created by an admin, or on their first comment when the site lets them be. */
@ApplicationScoped
public class ArticleService {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final ArticleRepository articles;
    private final ArticleCommentCounts comments;
    private final ArticleConfig config;
    private final ArticleSettings.Source settings;
    private final Clock clock;

    ArticleService(ArticleRepository articles, ArticleCommentCounts comments, ArticleConfig config,
                   ArticleSettings.Source settings, Clock clock) {
        this.articles = articles;
        this.comments = comments;
        this.config = config;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The article a new comment goes to, if it takes comments now (else {@link CommentsClosedException}). An unknown
     * one is created (when auto-create is on) in a transaction of its own, so that two first comments arriving
     * together on two instances both succeed: the loser of the insert race simply reads the winner's row. A new
     * article takes the page's address and title that the embed sent ({@code pageUrl}, already checked to be one
     * of the site's, and {@code pageTitle}; both may be null); so does an older one that has neither yet.
     */
    @Transactional
    public Article acceptingComments(String articleId, Instant now, String pageUrl, String pageTitle) {
        ArticleSettings current = settings.articleSettings();
        Article article = articles.findById(articleId);
        if (article == null) {
            if (!config.autoCreate()) {
                throw new NotFoundException("There is no article with this id");
            }
            article = InsertOnce.insertOrRead(() -> articles.findById(articleId), () -> articles.persist(
                    new Article(articleId, pageTitle, pageUrl, true, current.defaultModeration(), clock.instant())));
            if (article == null) {
                throw new NotFoundException("There is no article with this id");
            }
        }
        if (article.closedAt(now, current.closeAfterDays())) {
            throw new CommentsClosedException();
        }
        if (pageUrl != null && article.title() == null && article.url() == null) {
            article.describe(pageTitle, pageUrl, article.commentsOpen(), article.moderation());
        }
        return article;
    }

    /** An article that exists (one with comments always does). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Article existing(String articleId) {
        Article article = articles.findById(articleId);
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
        ModerationMode mode = null;
        if (request.moderation() != null) {
            try {
                mode = ModerationMode.valueOf(request.moderation().trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation("moderation", "must be PRE or POST"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        boolean open = request.commentsOpen() == null || request.commentsOpen();
        Article article = articles.findById(articleId);
        boolean created = article == null;
        if (created) {
            article = new Article(articleId, title, url, open, mode != null ? mode : settings.articleSettings()
                    .defaultModeration(), clock.instant());
            articles.persist(article);
        } else {
            article.describe(title, url, open, mode != null ? mode : article.moderation());
        }
        articles.flush();
        return new Saved(ArticleView.of(article, comments.countByStatus(List.of(articleId))
                .getOrDefault(articleId, Map.of())), created);
    }

    /**
     * An imported article: created with the title and address from the file when it does not exist yet (its creation
     * time is the article's publication, so {@code closeAfterDays} treats old articles as old), left as it is when
     * it does. Answers whether it was created.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean ensureImported(String articleId, String title, String url, Instant publishedAt) {
        return ensureImported(articleId, title, url, publishedAt, true, null);
    }

    /**
     * The same, with the article's settings as the file has them (the service's own export, or a WordPress post whose
     * comments are closed): {@code moderation} null gives the settings' default mode.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean ensureImported(String articleId, String title, String url, Instant publishedAt,
                                  boolean commentsOpen, ModerationMode moderation) {
        ArticleIds.require(articleId);
        if (articles.findById(articleId) != null) {
            return false;
        }
        String cleanTitle = blankToNull(title);
        if (cleanTitle != null && cleanTitle.codePointCount(0, cleanTitle.length()) > 300) {
            cleanTitle = cleanTitle.substring(0, cleanTitle.offsetByCodePoints(0, 300));
        }
        String cleanUrl = url != null && url.length() <= 2000 && HttpUrls.isHttpUrl(url) ? url : null;
        articles.persist(new Article(articleId, cleanTitle, cleanUrl, commentsOpen, moderation != null ? moderation
                : settings.articleSettings().defaultModeration(), publishedAt == null ? clock.instant() : publishedAt));
        return true;
    }

    /** A page of articles by id, after the article {@code afterId} (decoded from its cursor), or from the first. */
    @Transactional
    public ArticlePage list(String afterId, int limit) {
        Slice<Article> page = Slice.of(articles.pageAfter(afterId, limit + 1), limit);
        Map<String, Map<String, Long>> counts = comments.countByStatus(
                page.items().stream().map(Article::id).toList());
        List<ArticleView> views = page.items().stream()
                .map(a -> ArticleView.of(a, counts.getOrDefault(a.id(), Map.of())))
                .toList();
        return new ArticlePage(views, page.next(article -> Cursor.encodeKey(article.id())));
    }

    /** Control characters out (PostgreSQL refuses a NUL byte in text outright), trimmed, blank as missing. */
    private static String blankToNull(String value) {
        String cleaned = value == null ? null : CONTROL.matcher(value).replaceAll("").trim();
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    public record Saved(ArticleView article, boolean created) {
    }
}
