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
import news.comments.automod.RuleSettings;
import news.comments.automod.Verdict;
import news.comments.commenter.Commenters;
import news.comments.commenter.Standing;
import news.comments.infra.InsertOnce;
import news.comments.outbox.MailConfig;
import news.comments.web.DomainException;
import news.comments.web.Hashes;
import news.comments.web.InvalidRequestException;
import news.comments.web.Secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The posting side of the public door: a reader's new comment, from the form's rules through the refusals and the
 * auto-moderator to its first status. The comment itself is stored by {@link CommentLifecycle}.
 */
@ApplicationScoped
public class PostingService {

    private final CommentRepository comments;
    private final CommentLifecycle lifecycle;
    private final ArticleService articles;
    private final CommentForm form;
    private final RuleSettings.Source ruleSettings;
    private final AutoModerator autoModerator;
    private final FloodGuard floodGuard;
    private final IdempotencyKeys idempotency;
    private final Commenters commenters;
    private final PageLinks pageLinks;
    private final CommentConfig config;
    private final MailConfig mail;
    private final Clock clock;
    private final Event<PostRefused> refused;

    PostingService(CommentRepository comments, CommentLifecycle lifecycle, ArticleService articles, CommentForm form,
                   RuleSettings.Source ruleSettings, AutoModerator autoModerator, FloodGuard floodGuard,
                   IdempotencyKeys idempotency, Commenters commenters, PageLinks pageLinks,
                   CommentConfig config, MailConfig mail, Clock clock, Event<PostRefused> refused) {
        this.refused = refused;
        this.comments = comments;
        this.lifecycle = lifecycle;
        this.articles = articles;
        this.form = form;
        this.ruleSettings = ruleSettings;
        this.autoModerator = autoModerator;
        this.floodGuard = floodGuard;
        this.idempotency = idempotency;
        this.commenters = commenters;
        this.pageLinks = pageLinks;
        this.config = config;
        this.mail = mail;
        this.clock = clock;
    }

    /** Where a new comment comes from; the connection, never the body, supplies these. */
    public record Origin(String ip, String userAgent) {

        /** Longest user agent kept; longer ones are cut, as no moderator needs more to recognise a client. */
        static final int USER_AGENT_MAX = 512;

        /** The connection's address (or {@code unknown}) and its user agent, cut to {@link #USER_AGENT_MAX}. */
        public static Origin of(String ip, String userAgent) {
            String agent = userAgent != null && userAgent.length() > USER_AGENT_MAX
                    ? userAgent.substring(0, USER_AGENT_MAX) : userAgent;
            return new Origin(ip == null ? "unknown" : ip, agent);
        }

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
    public Posted post(String articleId, CommentRequest request, Origin origin, IdempotencyKey idempotencyKey) {
        try {
            return postOrRefuse(articleId, request, origin, idempotencyKey);
        } catch (DomainException e) {
            refused.fire(new PostRefused(e.type()));
            throw e;
        }
    }

    private Posted postOrRefuse(String articleId, CommentRequest request, Origin origin,
                                IdempotencyKey idempotencyKey) {
        ArticleIds.require(articleId);
        if (idempotencyKey == null) {
            return QuarkusTransaction.requiringNew().call(() -> create(articleId, request, origin, null));
        }
        IdempotencyKeys.Key key = idempotency.key(articleId, idempotencyKey, request);
        return InsertOnce.orWinner(
                () -> QuarkusTransaction.requiringNew().call(() -> idempotency.replay(key)
                        .map(PostingService::replayed)
                        .orElseGet(() -> create(articleId, request, origin, key))),
                () -> QuarkusTransaction.requiringNew().call(() -> idempotency.replay(key))
                        .map(PostingService::replayed));
    }

    private static Posted replayed(IdempotencyKeys.Answer answer) {
        return new Posted(answer.commentId(), answer.json(), true);
    }

    /**
     * Creates a comment. Refusals that store nothing come first (closed 403, duplicate 409, flood 429); then the
     * auto-moderator picks the first status and explains it. A comment judged spam is answered like a held one, so
     * a spammer learns nothing. A post without its address's key (not verified yet, or verified but sent from a
     * browser without the key) sends the verification mail (at most one per {@code comments.mail.verify-resend}),
     * unless it is spam; with {@code comments.mail.require-verification} the comment waits as {@code UNVERIFIED}
     * until then, and the rules judge it again when the address is confirmed.
     */
    private Posted create(String articleId, CommentRequest request, Origin origin, IdempotencyKeys.Key key) {
        CommentForm.Valid valid = form.check(request);
        RuleSettings rules = ruleSettings.ruleSettings();
        Instant now = clock.instant();
        String pageUrl = pageLinks.allowedPageUrl(request.pageUrl());
        Article article = articles.acceptingComments(articleId, now, pageUrl,
                PageLinks.title(request.pageTitle(), pageUrl));
        Comment parent = valid.parentId() == null ? null : replyableParent(articleId, valid.parentId());
        String fingerprint = fingerprint(valid.body());
        if (comments.duplicateExists(articleId, valid.authorEmail(), fingerprint)) {
            throw new DuplicateCommentException();
        }
        floodGuard.admit(origin.ip(), valid.authorEmail(), rules.floodSeconds(), now);

        Standing standing = commenters.standing(valid.authorEmail(), request.commenterKey());
        Verdict verdict = autoModerator.judge(new Candidate(valid.authorName(), valid.authorEmail(),
                valid.authorUrl(), valid.body(), origin.ip(), origin.userAgent(),
                request.otherField(rules.honeypotField()), article.moderation(), standing.emailVerified(),
                standing.keyMatched()), rules);
        CommentStatus status = statusOf(verdict.outcome());
        String reason = verdict.reason(article.moderation());
        boolean waits = mail.requireVerification() && !standing.emailVerified()
                && status != CommentStatus.SPAM;
        if (waits) {
            status = CommentStatus.UNVERIFIED;
            reason = "waiting until the author confirms the address";
        }
        Comment.Author author = new Comment.Author(valid.authorName(), valid.authorEmail(), valid.authorUrl(),
                origin.ip(), origin.userAgent());
        String editToken = Secrets.newSecret();
        // a comment that waits for its address is judged again, with its hits, when the address is confirmed
        Comment comment = lifecycle.post(new CommentLifecycle.NewComment(articleId, parent, author, valid.body(),
                fingerprint, status, reason, verdict.spamScore(), now, standing.keyMatched(), request.wantsReplies(),
                request.wantsPublished(), Hashes.sha256Hex(editToken)), waits ? List.of() : verdict.hits());
        // a post without its address's key asks the owner to confirm it (the first time, or from a new browser);
        // spam sends no mail, so the form cannot be used to mail whatever address a spammer types
        if (!standing.keyMatched() && comment.status() != CommentStatus.SPAM) {
            commenters.askToVerify(valid.authorEmail(), comment.id(), pageUrl != null ? pageUrl : article.url(),
                    article.title());
        }
        CommentStatus shown = comment.status() == CommentStatus.SPAM ? CommentStatus.PENDING : comment.status();
        PostedComment answer = new PostedComment(PublicCommentView.of(comment), shown.name(),
                standing.keyMatched(), editToken, AuthorService.editableUntil(comment, config));
        // with a key, the JSON written for the store is also the answer: serialized once. The store seals it with
        // the raw key, as it holds the editToken, which a retry must get back or its author loses their rights to
        // the comment (docs/privacy.md, "Edit tokens and retries"); erasure deletes the row.
        Object body = key == null ? answer : idempotency.remember(key, comment.id(), answer);
        return new Posted(comment.id(), body, false);
    }

    static CommentStatus statusOf(Verdict.Outcome outcome) {
        return switch (outcome) {
            case PUBLISH -> CommentStatus.APPROVED;
            case HOLD -> CommentStatus.PENDING;
            case SPAM -> CommentStatus.SPAM;
        };
    }

    /** What a form must know to check what the server checks. */
    @Transactional
    public CommentFormSettings formSettings() {
        return new CommentFormSettings(ruleSettings.ruleSettings().honeypotField(), CommentForm.NAME_MAX,
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
}
