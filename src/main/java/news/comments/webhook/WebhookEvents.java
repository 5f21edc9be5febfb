package news.comments.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.comments.article.Article;
import news.comments.article.ArticleService;
import news.comments.comment.Actor;
import news.comments.comment.Comment;
import news.comments.comment.CommentChanged;
import news.comments.comment.CommentRepository;
import news.comments.comment.CommentStatus;
import news.comments.comment.PublicCommentView;
import news.comments.outbox.Outbox;
import news.comments.report.CommentReported;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns changes of comments into webhook calls: one outbox row per subscribed endpoint, written inside the change's
 * own transaction (a plain {@code @Observes}), so a call goes out if and only if the change commits. Which events a
 * change is:
 * <ul>
 * <li>a new comment ({@code from} null), or one whose address was verified ({@code from} UNVERIFIED):
 * {@code comment.created}; a comment waiting for its address is in no flow yet and announces nothing;</li>
 * <li>the status becoming APPROVED, REJECTED or SPAM (at posting too): {@code comment.published},
 * {@code comment.rejected}, {@code comment.spam};</li>
 * <li>the status becoming DELETED: {@code comment.deleted}; a change by the author that keeps the status, or sends it
 * back to PENDING: {@code comment.edited};</li>
 * <li>a reader's report that counted ({@link CommentReported}): {@code comment.reported};</li>
 * <li>the erasure of its author's address: {@code comment.erased} (after {@code comment.deleted} when it deletes).</li>
 * </ul>
 * Imports and changes relayed from another instance (which wrote their own rows) announce nothing.
 */
@ApplicationScoped
class WebhookEvents {

    private final WebhookSubscriptions subscriptions;
    private final CommentRepository comments;
    private final ArticleService articles;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookEvents(WebhookSubscriptions subscriptions, CommentRepository comments, ArticleService articles,
                  Outbox outbox, ObjectMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.comments = comments;
        this.articles = articles;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    void onChange(@Observes CommentChanged change) {
        if (change.by() == null || change.by().kind() == Actor.Kind.IMPORT) {
            return;
        }
        for (WebhookEvent event : events(change)) {
            queue(event, change.commentId(), change.from(), change.by(), change.reason(), null);
        }
    }

    void onReport(@Observes CommentReported report) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("reason", report.reason());
        extra.put("openReports", report.openReports());
        queue(WebhookEvent.REPORTED, report.commentId(), null, null, null, extra);
    }

    /** The events a change is, in the order they are sent. */
    static List<WebhookEvent> events(CommentChanged change) {
        List<WebhookEvent> events = new ArrayList<>();
        CommentStatus from = change.from();
        CommentStatus to = change.to();
        if (to == CommentStatus.UNVERIFIED || from == CommentStatus.UNVERIFIED && change.erasure()
                || change.kind() == CommentChanged.Kind.DISCARDED) {
            // never announced, so nothing to take back: it waited for its address, which was never confirmed
            return events;
        }
        if (change.erasure()) {
            // the author's address was erased: receivers drop what they kept of the author (the outbox dropped the
            // calls about the comment that were still waiting)
            if (to == CommentStatus.DELETED && from != CommentStatus.DELETED) {
                events.add(WebhookEvent.DELETED);
            }
            events.add(WebhookEvent.ERASED);
            return events;
        }
        if (from == null || from == CommentStatus.UNVERIFIED) {
            events.add(WebhookEvent.CREATED);
        } else if (to == CommentStatus.DELETED) {
            events.add(WebhookEvent.DELETED);
            return events;
        } else if (change.by().kind() == Actor.Kind.AUTHOR && (from == to || to == CommentStatus.PENDING)) {
            events.add(WebhookEvent.EDITED);
        }
        if (from != to) {
            switch (to) {
                case APPROVED -> events.add(WebhookEvent.PUBLISHED);
                case REJECTED -> events.add(WebhookEvent.REJECTED);
                case SPAM -> events.add(WebhookEvent.SPAM);
                default -> {
                }
            }
        }
        return events;
    }

    private void queue(WebhookEvent event, long commentId, CommentStatus from, Actor by, String reason,
                       Map<String, Object> extra) {
        List<WebhookSubscriptions.Subscriber> subscribers = subscriptions.of(event);
        if (subscribers.isEmpty()) {
            return;
        }
        Comment comment = comments.findById(commentId);
        if (comment == null) {
            return;
        }
        Article article = articles.existing(comment.articleId());
        String plain = null;
        String withAuthor = null;
        for (WebhookSubscriptions.Subscriber subscriber : subscribers) {
            String body;
            if (subscriber.includeAuthor()) {
                withAuthor = withAuthor != null ? withAuthor
                        : document(event, comment, article, from, by, reason, extra, true);
                body = withAuthor;
            } else {
                plain = plain != null ? plain : document(event, comment, article, from, by, reason, extra, false);
                body = plain;
            }
            outbox.webhook(subscriber.id(), subscriber.url(), StandardWebhooks.newMessageId(), event.type(), body);
        }
    }

    /**
     * The JSON document of an event, shaped as the Standard Webhooks specification suggests: {@code type},
     * {@code timestamp} (of the event, not of the attempt) and {@code data}. The comment is its public view; the
     * author's email, IP and user agent are there only for an endpoint registered with {@code includeAuthor}.
     */
    private String document(WebhookEvent event, Comment comment, Article article, CommentStatus from, Actor by,
                            String reason, Map<String, Object> extra, boolean includeAuthor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("commentId", comment.id());
        data.put("articleId", article.id());
        data.put("articleTitle", article.title());
        data.put("articleUrl", article.url());
        data.put("status", comment.status().name());
        data.put("previousStatus", from == null ? null : from.name());
        if (by != null) {
            data.put("by", by.kind().name().toLowerCase(Locale.ROOT));
            data.put("reason", reason);
        }
        if (extra != null) {
            data.put("report", extra);
        }
        data.put("comment", PublicCommentView.of(comment));
        if (includeAuthor) {
            Map<String, Object> author = new LinkedHashMap<>();
            author.put("email", comment.authorEmail());
            author.put("ip", comment.ip());
            author.put("userAgent", comment.userAgent());
            data.put("author", author);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", event.type());
        document.put("timestamp", clock.instant().toString());
        document.put("data", data);
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook document could not be written", e);
        }
    }
}
