package news.comments.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.comments.article.Article;
import news.comments.article.ArticleService;
import news.comments.automod.FloodGuard;
import news.comments.automod.RuleHits;
import news.comments.ban.BanService;
import news.comments.comment.Actor;
import news.comments.comment.Comment;
import news.comments.comment.CommentLifecycle;
import news.comments.comment.CommentRepository;
import news.comments.comment.IdempotencyKeys;
import news.comments.commenter.Commenters;
import news.comments.infra.KeyedHashes;
import news.comments.outbox.Outbox;
import news.comments.report.ReportService;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Export and erasure of one address, whoever asked (its owner through a mailed link, or an admin). Erasure runs in
 * one transaction and asks each owner to forget its part: the outbox's deliveries that carry the address or concern
 * its comments (mail and webhook calls), the comments (through {@link CommentLifecycle}, one history line and one
 * event each, which webhooks announce as {@code comment.erased}), their rule hits' details, their stored idempotent
 * answers, the address's verification, keys and tokens, its flood-guard row, and its name in bans (the ban itself
 * keeps matching by its keyed hash) and in report notes. After it the address is in no table; its spam keeps
 * counting against it by the same keyed hash.
 */
@ApplicationScoped
class Erasure {

    private final CommentRepository comments;
    private final CommentLifecycle lifecycle;
    private final ArticleService articles;
    private final RuleHits ruleHits;
    private final IdempotencyKeys idempotency;
    private final Commenters commenters;
    private final Outbox outbox;
    private final FloodGuard floodGuard;
    private final BanService bans;
    private final ReportService reports;
    private final KeyedHashes keyedHashes;
    private final PrivacyConfig config;
    private final Clock clock;

    Erasure(CommentRepository comments, CommentLifecycle lifecycle, ArticleService articles, RuleHits ruleHits,
            IdempotencyKeys idempotency, Commenters commenters, Outbox outbox, FloodGuard floodGuard,
            BanService bans, ReportService reports, KeyedHashes keyedHashes, PrivacyConfig config, Clock clock) {
        this.comments = comments;
        this.lifecycle = lifecycle;
        this.articles = articles;
        this.ruleHits = ruleHits;
        this.idempotency = idempotency;
        this.commenters = commenters;
        this.outbox = outbox;
        this.floodGuard = floodGuard;
        this.bans = bans;
        this.reports = reports;
        this.keyedHashes = keyedHashes;
        this.config = config;
        this.clock = clock;
    }

    /** Every comment of the address, oldest first, and what is known of the address. */
    @Transactional(Transactional.TxType.MANDATORY)
    DataExport export(String email) {
        String address = email.toLowerCase(Locale.ROOT);
        Map<String, Article> seen = new HashMap<>();
        List<DataExport.ExportedComment> written = commentsOf(address).stream().map(comment -> {
            Article article = seen.computeIfAbsent(comment.articleId(), articles::existing);
            return new DataExport.ExportedComment(comment.id(), comment.articleId(), article.title(), article.url(),
                    comment.parentId(), comment.status().name(), comment.authorName(), comment.authorUrl(),
                    comment.body(), comment.createdAt(), comment.editedAt(), comment.notifyReplies(),
                    comment.notifyPublished(), comment.ip(), comment.userAgent());
        }).toList();
        return new DataExport(clock.instant(), commenters.record(address), written);
    }

    /** Erases the address as {@code comments.privacy.erase-mode} says; {@code by} is the reader or the admin. */
    @Transactional(Transactional.TxType.MANDATORY)
    ErasedView erase(String email, Actor by) {
        String address = email.toLowerCase(Locale.ROOT);
        EraseMode mode = mode();
        boolean delete = mode == EraseMode.DELETE;
        String reason = by.kind() == Actor.Kind.AUTHOR ? "erased at its author's request"
                : "erased by " + by.name() + " at its author's request";
        List<Comment> written = commentsOf(address);
        List<Long> ids = written.stream().map(Comment::id).toList();
        // first: the erasure's own announcements (comment.erased) are written below and must stay
        outbox.forgetErased(address, ids);
        String keyedAddress = keyedHashes.email(address);
        for (Comment comment : written) {
            lifecycle.erase(comment, address, keyedAddress, delete, by, reason);
        }
        ruleHits.redact(ids, address, Comment.ERASED_ADDRESS);
        idempotency.forgetComments(ids);
        commenters.forgetAddress(address);
        floodGuard.forgetEmail(address);
        bans.forgetAddress(address, Comment.ERASED_ADDRESS);
        reports.forgetAddress(address, Comment.ERASED_ADDRESS);
        return new ErasedView(written.size(), mode.value());
    }

    /** {@code comments.privacy.erase-mode}, checked at start-up: a value but the two modes stops the service. */
    EraseMode mode() {
        return config.eraseMode();
    }

    private List<Comment> commentsOf(String address) {
        // comment_author_idx leads with the address; every status, DELETED and UNVERIFIED included
        return comments.list("authorEmailLowerCase = ?1 order by createdAt, id", address);
    }
}
