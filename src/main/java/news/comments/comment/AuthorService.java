package news.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.comments.article.Article;
import news.comments.article.ArticleService;
import news.comments.automod.AutoModerator;
import news.comments.automod.Candidate;
import news.comments.automod.RuleHits;
import news.comments.automod.Verdict;
import news.comments.commenter.Commenters;
import news.comments.web.Hashes;
import news.comments.web.NotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the author of a comment may do with it, proven by its {@code editToken} (header {@code Comment-Token}): see it
 * in any status, edit it within {@code comments.author.edit-window}, delete it at any time. A missing or wrong token
 * is answered as if the comment did not exist, so nobody learns that an unpublished comment is there. Every change
 * goes through {@link CommentLifecycle}.
 */
@ApplicationScoped
public class AuthorService {

    private final CommentRepository comments;
    private final CommentLifecycle lifecycle;
    private final CommentForm form;
    private final ArticleService articles;
    private final AutoModerator autoModerator;
    private final news.comments.automod.RuleSettings.Source ruleSettings;
    private final RuleHits ruleHits;
    private final Commenters commenters;
    private final CommentConfig config;
    private final Clock clock;

    AuthorService(CommentRepository comments, CommentLifecycle lifecycle, CommentForm form, ArticleService articles,
                  AutoModerator autoModerator, news.comments.automod.RuleSettings.Source ruleSettings,
                  RuleHits ruleHits, Commenters commenters, CommentConfig config, Clock clock) {
        this.comments = comments;
        this.lifecycle = lifecycle;
        this.form = form;
        this.articles = articles;
        this.autoModerator = autoModerator;
        this.ruleSettings = ruleSettings;
        this.ruleHits = ruleHits;
        this.commenters = commenters;
        this.config = config;
        this.clock = clock;
    }

    /** The end of a comment's edit window, or null when editing is off ({@code PT0S}). */
    static Instant editableUntil(Comment comment, CommentConfig config) {
        Duration window = config.author().editWindow();
        return window.isZero() || window.isNegative() ? null : comment.createdAt().plus(window);
    }

    /** The author's view of their comment, in any status. */
    @Transactional
    public AuthorCommentView view(long id, String token) {
        Comment comment = own(id, token);
        return AuthorCommentView.of(comment, editableUntil(comment, config));
    }

    /**
     * The author's edit. The new text passes the form's rules and the auto-moderator again, and an edit never
     * approves: a verdict to publish keeps the status; one to hold sends an approved comment back to
     * {@code PENDING} (in a pre-moderated article that is every edit of an author the rules do not trust, since a
     * moderator approved the old text, not the new); one of spam makes it {@code SPAM} (shown to the author as
     * pending). A comment that waits for its address ({@code UNVERIFIED}) keeps waiting; a rejected one stays
     * rejected. New rule hits are added to the comment's for moderators.
     */
    @Transactional
    public AuthorCommentView edit(long id, String token, EditRequest request) {
        Comment comment = own(id, token);
        if (comment.status() == CommentStatus.DELETED) {
            throw new NotFoundException("There is no comment with this id");
        }
        Instant until = editableUntil(comment, config);
        if (until == null || clock.instant().isAfter(until)) {
            throw new EditWindowClosedException(until == null);
        }
        String body = form.checkBody(request == null ? null : request.body());
        Article article = articles.existing(comment.articleId());
        boolean verified = commenters.standing(comment.authorEmail(), null).emailVerified();
        Verdict verdict = autoModerator.judge(new Candidate(comment.authorName(), comment.authorEmail(),
                comment.authorUrl(), body, comment.ip(), comment.userAgent(), null, article.moderation(),
                verified, comment.keyMatched()), ruleSettings.ruleSettings());
        CommentStatus to = afterEdit(comment.status(), verdict.outcome());
        String reason = "edited by its author";
        if (to != comment.status() || !verdict.hits().isEmpty()) {
            reason += "; " + verdict.reason(article.moderation());
        }
        if (!body.equals(comment.body()) || to != comment.status()) {
            lifecycle.edit(comment, body, to, reason);
            ruleHits.record(comment.id(), verdict.hits());
        }
        return AuthorCommentView.of(comment, until);
    }

    /** The status an edit leaves a comment in: never more public than before. */
    static CommentStatus afterEdit(CommentStatus now, Verdict.Outcome outcome) {
        if (now == CommentStatus.UNVERIFIED || now == CommentStatus.REJECTED || now == CommentStatus.SPAM) {
            return now;
        }
        return switch (outcome) {
            case PUBLISH -> now;
            case HOLD -> CommentStatus.PENDING;
            case SPAM -> CommentStatus.SPAM;
        };
    }

    /** The author takes the comment back, at any time; deleting it again changes nothing. */
    @Transactional
    public void delete(long id, String token) {
        lifecycle.deleteByAuthor(own(id, token));
    }

    private Comment own(long id, String token) {
        Comment comment = token == null || token.isBlank() || token.length() > 200 ? null : comments.findById(id);
        if (comment == null || !comment.hasEditToken(Hashes.sha256Hex(token))) {
            throw new NotFoundException("There is no comment with this id");
        }
        return comment;
    }
}
