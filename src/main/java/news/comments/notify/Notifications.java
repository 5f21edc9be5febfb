package news.comments.notify;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.comments.article.Article;
import news.comments.article.ArticleService;
import news.comments.comment.Actor;
import news.comments.comment.Comment;
import news.comments.comment.CommentChanged;
import news.comments.comment.CommentRepository;
import news.comments.comment.CommentStatus;
import news.comments.comment.HistoryEntry;
import news.comments.commenter.Commenters;
import news.comments.config.SiteConfig;
import news.comments.outbox.Outbox;
import news.comments.outbox.OutgoingMail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The mail a change of a comment causes, written to the outbox inside the change's own transaction (a plain
 * {@code @Observes}), so it goes out if and only if the change commits:
 * <ul>
 * <li>a reply is published for the first time: its parent's author, if they asked ({@code notifyReplies}), unless
 * they wrote the reply themselves;</li>
 * <li>a comment is published by a decision (not at posting, where its author sees it at once): its author, if they
 * asked ({@code notifyPublished});</li>
 * <li>a moderator rejects with {@code notifyAuthor} and a reason: its author gets the reason.</li>
 * </ul>
 * Spam decisions and imports send nothing. Only verified addresses that have not unsubscribed get mail, and only
 * about comments that proved to be their owner's ({@link #mayMailAbout}). A mail names the article, the replier's
 * name and an excerpt; never anyone's address, IP or user agent.
 */
@ApplicationScoped
class Notifications {

    static final int EXCERPT_MAX = 300;

    private final CommentRepository comments;
    private final ArticleService articles;
    private final Commenters commenters;
    private final Outbox outbox;
    private final SiteConfig config;
    private final Template replyText;
    private final Template replyHtml;
    private final Template publishedText;
    private final Template publishedHtml;
    private final Template rejectedText;
    private final Template rejectedHtml;

    Notifications(CommentRepository comments, ArticleService articles, Commenters commenters, Outbox outbox,
                  SiteConfig config,
                  @Location("mail/reply.txt") Template replyText, @Location("mail/reply.html") Template replyHtml,
                  @Location("mail/published.txt") Template publishedText,
                  @Location("mail/published.html") Template publishedHtml,
                  @Location("mail/rejected.txt") Template rejectedText,
                  @Location("mail/rejected.html") Template rejectedHtml) {
        this.comments = comments;
        this.articles = articles;
        this.commenters = commenters;
        this.outbox = outbox;
        this.config = config;
        this.replyText = replyText;
        this.replyHtml = replyHtml;
        this.publishedText = publishedText;
        this.publishedHtml = publishedHtml;
        this.rejectedText = rejectedText;
        this.rejectedHtml = rejectedHtml;
    }

    void onChange(@Observes CommentChanged change) {
        if (change.by() == null || change.by().kind() == Actor.Kind.IMPORT) {
            return;
        }
        if (change.to() == CommentStatus.APPROVED && change.from() != CommentStatus.APPROVED) {
            Comment comment = comments.findById(change.commentId());
            if (comment == null || !firstPublication(comment)) {
                return;
            }
            Article article = articles.existing(comment.articleId());
            if (change.from() != null && comment.notifyPublished() && mayMailAbout(comment)) {
                send(comment.authorEmail(), null, "Your comment is published on " + quoted(article),
                        publishedText, publishedHtml, data(article, comment));
            }
            if (comment.parentId() != null) {
                replyMail(comment, article);
            }
        } else if (change.to() == CommentStatus.REJECTED && change.notifyAuthor() && change.reason() != null) {
            Comment comment = comments.findById(change.commentId());
            if (comment != null && mayMailAbout(comment)) {
                Article article = articles.existing(comment.articleId());
                Map<String, Object> data = data(article, comment);
                data.put("reason", change.reason());
                send(comment.authorEmail(), null, "Your comment on " + quoted(article) + " was not published",
                        rejectedText, rejectedHtml, data);
            }
        }
    }

    private void replyMail(Comment reply, Article article) {
        Comment parent = comments.findById(reply.parentId());
        if (parent == null || !parent.notifyReplies() || parent.status() == CommentStatus.DELETED
                || parent.authorEmail().equalsIgnoreCase(reply.authorEmail()) || !mayMailAbout(parent)) {
            return;
        }
        Map<String, Object> data = data(article, reply);
        data.put("replier", reply.authorName());
        data.put("excerpt", excerpt(reply.body()));
        send(parent.authorEmail(), parent.id(), reply.authorName() + " replied to your comment on "
                + quoted(article), replyText, replyHtml, data);
    }

    /**
     * Mail about a comment goes to its address only when the comment proved to come from the address's owner: the
     * post carried the key, or the owner confirmed the link mailed for it. Else anyone typing a verified address with
     * {@code notifyReplies} could have its owner mailed the replies to a comment they never wrote.
     */
    private boolean mayMailAbout(Comment comment) {
        return (comment.keyMatched() || commenters.confirmedComment(comment.id()))
                && commenters.mayMail(comment.authorEmail());
    }

    /** A comment hidden by reports and approved again announces nothing twice. */
    private static boolean firstPublication(Comment comment) {
        return comment.history().stream().map(HistoryEntry::toStatus)
                .filter(status -> status == CommentStatus.APPROVED).count() == 1;
    }

    /**
     * Queues one notification with its unsubscribe link, in the body and as RFC 8058 one-click headers. A reply
     * mail's link stops replies to that comment; the others stop all mail to the address.
     */
    private void send(String to, Long repliesOf, String subject, Template text, Template html,
                      Map<String, Object> data) {
        String link = config.publicUrl() + "/api/commenters/unsubscribe?token="
                + commenters.unsubscribeToken(to, repliesOf);
        data.put("unsubscribe", link);
        data.put("unsubscribeWhat", repliesOf == null ? "all mail from this site" : "replies to this comment");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + link + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        outbox.mail(new OutgoingMail(to, subject, text.data(data).render(), html.data(data).render(), headers));
    }

    private Map<String, Object> data(Article article, Comment comment) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", article.title() == null ? article.id() : article.title());
        String page = article.url() == null ? config.publicUrl() + "/" : article.url();
        data.put("link", page + "#comment-" + comment.id());
        return data;
    }

    private static String quoted(Article article) {
        return "\u201c" + (article.title() == null ? article.id() : article.title()) + "\u201d";
    }

    static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= EXCERPT_MAX) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, EXCERPT_MAX)).strip() + "\u2026";
    }

    static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
