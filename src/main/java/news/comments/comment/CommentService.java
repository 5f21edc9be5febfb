package news.comments.comment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import news.comments.article.Article;
import news.comments.article.ArticleIds;
import news.comments.article.ArticleService;
import news.comments.automod.AutoModerator;
import news.comments.automod.Candidate;
import news.comments.automod.FloodGuard;
import news.comments.automod.RuleHits;
import news.comments.automod.RuleSettings;
import news.comments.automod.SettingsService;
import news.comments.automod.Verdict;
import news.comments.config.CommentsConfig;
import org.hibernate.exception.ConstraintViolationException;
import news.comments.web.Cursor;
import news.comments.web.Hashes;
import news.comments.web.Slice;
import news.comments.web.InvalidRequestException;
import news.comments.web.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
    private final SettingsService settings;
    private final AutoModerator autoModerator;
    private final FloodGuard floodGuard;
    private final RuleHits ruleHits;
    private final IdempotencyKeys idempotency;

    CommentService(CommentRepository comments, ArticleService articles, CommentForm form, CommentRenderer renderer,
                   AvatarKeys avatarKeys, CommentsConfig config, Clock clock, Event<CommentChanged> changed,
                   SettingsService settings, AutoModerator autoModerator, FloodGuard floodGuard,
                   RuleHits ruleHits, IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.settings = settings;
        this.autoModerator = autoModerator;
        this.floodGuard = floodGuard;
        this.ruleHits = ruleHits;
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

    /** The answer to a post: the new comment's id and its body, or the stored first answer of a retry. */
    public record Posted(long id, Object body, boolean replayed) {
    }

    /**
     * Posts a comment in a transaction of its own. With an {@code Idempotency-Key}, a retry (or a simultaneous twin:
     * the loser of the race is refused, then finds the winner's answer) gets the first answer and stores nothing.
     */
    public Posted post(String articleId, CommentRequest request, Origin origin, String idempotencyKey) {
        ArticleIds.require(articleId);
        if (idempotencyKey == null) {
            return QuarkusTransaction.requiringNew().call(() -> create(articleId, request, origin, null));
        }
        IdempotencyKeys.Key key = idempotency.key(articleId, idempotencyKey, request);
        try {
            return QuarkusTransaction.requiringNew().call(() -> idempotency.replay(key)
                    .map(CommentService::replayed)
                    .orElseGet(() -> create(articleId, request, origin, key)));
        } catch (RuntimeException e) {
            Optional<IdempotencyKeys.Answer> winner = QuarkusTransaction.requiringNew()
                    .call(() -> idempotency.replay(key));
            if (winner.isPresent()) {
                return replayed(winner.get());
            }
            throw e;
        }
    }

    private static Posted replayed(IdempotencyKeys.Answer answer) {
        return new Posted(answer.commentId(), answer.json(), true);
    }

    /**
     * Creates a comment. Refusals that store nothing come first (closed 403, duplicate 409, flood 429); then the
     * auto-moderator picks the first status and explains it. A comment judged spam is answered like a held one, so
     * a spammer learns nothing.
     */
    private Posted create(String articleId, CommentRequest request, Origin origin, IdempotencyKeys.Key key) {
        CommentForm.Valid valid = form.check(request);
        RuleSettings rules = settings.current();
        Instant now = clock.instant();
        Article article = articles.forNewComment(articleId, rules.defaultModeration());
        if (article.closedAt(now, rules.closeAfterDays())) {
            throw new CommentsClosedException();
        }
        Comment parent = valid.parentId() == null ? null : replyableParent(articleId, valid.parentId());
        String fingerprint = fingerprint(valid.body());
        if (comments.duplicateExists(articleId, valid.authorEmail(), fingerprint)) {
            throw new DuplicateCommentException();
        }
        floodGuard.admit(origin.ip(), valid.authorEmail(), rules.floodSeconds(), now);

        Verdict verdict = autoModerator.judge(new Candidate(valid.authorName(), valid.authorEmail(),
                valid.authorUrl(), valid.body(), origin.ip(), origin.userAgent(),
                request == null ? null : request.otherField(rules.honeypotField()), article.moderation()), rules);
        Comment.Author author = new Comment.Author(valid.authorName(), valid.authorEmail(), valid.authorUrl(),
                origin.ip(), origin.userAgent());
        Comment comment = new Comment(articleId, parent, author, valid.body(), renderer.toHtml(valid.body()),
                avatarKeys.of(valid.authorEmail()), fingerprint, verdict.status(),
                verdict.reason(article.moderation()), now);
        try {
            comments.persist(comment);
            comments.flush();
        } catch (ConstraintViolationException e) {
            // the same text from the same author won a race on another request or instance
            throw new DuplicateCommentException();
        }
        ruleHits.record(comment.id(), verdict.hits());
        CommentStatus shown = comment.status() == CommentStatus.SPAM ? CommentStatus.PENDING : comment.status();
        PostedComment answer = new PostedComment(PublicCommentView.of(comment), shown.name());
        // with a key, the JSON written for the store is also the answer: the same bytes, serialized once
        Object body = key == null ? answer : idempotency.remember(key, comment.id(), answer);
        changed.fire(new CommentChanged(articleId, comment.id(), null, comment.status()));
        return new Posted(comment.id(), body, false);
    }

    /** What a form must know to check what the server checks. */
    @Transactional
    public CommentFormSettings formSettings() {
        return new CommentFormSettings(settings.current().honeypotField(), CommentForm.NAME_MAX,
                CommentForm.EMAIL_MAX, CommentForm.URL_MAX, config.body().maxLength(), config.thread().maxDepth());
    }

    /** Duplicate detection ignores case and surrounding white space (the body is already trimmed). */
    static String fingerprint(String body) {
        return Hashes.sha256Hex(body.toLowerCase(Locale.ROOT));
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
        Slice<Comment> page = Slice.of(comments.approvedPage(articleId, cursor, limit + 1), limit);
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
