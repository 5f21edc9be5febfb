package news.comments.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Which endpoints want which events, kept in memory so that a post with no webhooks registered costs no query, nor
 * the outbox sender's claims a read of the endpoints. Read again at most every {@link #TTL}, and at once after a
 * registration or deletion on this instance; another instance sees a new or deleted webhook within that time (a
 * deleted one's waiting calls are failed by the deletion anyway).
 */
@ApplicationScoped
class WebhookSubscriptions {

    static final Duration TTL = Duration.ofSeconds(5);

    /** What an event needs of an endpoint: where to queue it, and whether with the author's data. */
    record Subscriber(long id, String url, Set<WebhookEvent> events, boolean includeAuthor) {
    }

    private record Snapshot(List<Subscriber> subscribers, long readAtNanos) {
    }

    private final WebhookRepository webhooks;
    private volatile Snapshot snapshot;

    WebhookSubscriptions(WebhookRepository webhooks) {
        this.webhooks = webhooks;
    }

    /** The endpoints subscribed to {@code event}. */
    List<Subscriber> of(WebhookEvent event) {
        return current().subscribers().stream().filter(s -> s.events().contains(event)).toList();
    }

    /** Every registered endpoint's id, as the outbox sender shares its calls among them. */
    List<Long> ids() {
        return current().subscribers().stream().map(Subscriber::id).toList();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAtNanos() > TTL.toNanos()) {
            current = new Snapshot(read(), System.nanoTime());
            snapshot = current;
        }
        return current;
    }

    void invalidate() {
        snapshot = null;
    }

    @Transactional
    List<Subscriber> read() {
        return webhooks.allForSnapshot().stream()
                .map(w -> new Subscriber(w.id(), w.url(), w.events(), w.includeAuthor())).toList();
    }
}
