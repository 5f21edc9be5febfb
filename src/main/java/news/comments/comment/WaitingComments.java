package news.comments.comment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.comments.article.Article;
import news.comments.article.ArticleService;
import news.comments.automod.AutoModerator;
import news.comments.automod.Candidate;
import news.comments.automod.RuleSettings;
import news.comments.automod.Verdict;
import news.comments.commenter.AddressVerified;
import news.comments.outbox.MailConfig;

import java.time.Clock;
import java.util.List;

/**
 * Comments that wait for their address ({@code comments.mail.require-verification}). When the address is confirmed,
 * in the same transaction, each enters the normal flow: the rules judge it with the settings of now (the address
 * verified, no key, since the post carried none) and the lifecycle gives it its status. Those still waiting when a
 * verification link would have expired are removed.
 */
@ApplicationScoped
class WaitingComments {

    private final CommentRepository comments;
    private final CommentLifecycle lifecycle;
    private final ArticleService articles;
    private final AutoModerator autoModerator;
    private final RuleSettings.Source ruleSettings;
    private final MailConfig mail;
    private final Clock clock;

    WaitingComments(CommentRepository comments, CommentLifecycle lifecycle, ArticleService articles,
                    AutoModerator autoModerator, RuleSettings.Source ruleSettings,
                    MailConfig mail, Clock clock) {
        this.comments = comments;
        this.lifecycle = lifecycle;
        this.articles = articles;
        this.autoModerator = autoModerator;
        this.ruleSettings = ruleSettings;
        this.mail = mail;
        this.clock = clock;
    }

    void onVerified(@Observes AddressVerified verified) {
        List<Comment> waiting = comments.list("authorEmailLowerCase = ?1 and status = ?2 order by id",
                verified.emailLowerCase(), CommentStatus.UNVERIFIED);
        RuleSettings rules = waiting.isEmpty() ? null : ruleSettings.ruleSettings();
        for (Comment comment : waiting) {
            Article article = articles.existing(comment.articleId());
            Verdict verdict = autoModerator.judge(new Candidate(comment.authorName(), comment.authorEmail(),
                    comment.authorUrl(), comment.body(), comment.ip(), comment.userAgent(), null,
                    article.moderation(), true, false), rules);
            lifecycle.release(comment, PostingService.statusOf(verdict.outcome()),
                    "address verified; " + verdict.reason(article.moderation()), verdict.hits());
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void discardExpired() {
        lifecycle.discardUnverifiedBefore(clock.instant().minus(mail.verifyTtl()));
    }
}
