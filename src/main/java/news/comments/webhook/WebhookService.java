package news.comments.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.infra.Background;
import news.comments.web.Cursor;
import news.comments.web.InvalidRequestException;
import news.comments.web.NotFoundException;
import news.comments.web.Problem;
import news.comments.web.Slice;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Admins' webhooks: registration (with its checks and its new secret), reads, deletion, and the delivery log. */
@ApplicationScoped
class WebhookService {

    static final int URL_MAX = 2000;

    private final WebhookRepository webhooks;
    private final WebhookSubscriptions subscriptions;
    private final EntityManager entityManager;
    private final WebhookConfig config;
    private final Clock clock;

    WebhookService(WebhookRepository webhooks, WebhookSubscriptions subscriptions, EntityManager entityManager,
                   WebhookConfig config, Clock clock) {
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    WebhookView register(WebhookRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        String url = request == null || request.url() == null ? null : request.url().strip();
        if (url == null || url.isEmpty()) {
            violations.add(new Problem.Violation("url", "must not be blank"));
        } else if (url.length() > URL_MAX) {
            violations.add(new Problem.Violation("url", "must be at most " + URL_MAX + " characters"));
        } else if (!acceptable(url)) {
            violations.add(new Problem.Violation("url", config.allowHttp()
                    ? "must be an absolute http or https URL" : "must be an absolute https URL"));
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        if (request == null || request.events() == null || request.events().isEmpty()) {
            violations.add(new Problem.Violation("events", "must name at least one of " + WebhookEvent.names()));
        } else {
            for (String name : request.events()) {
                WebhookEvent event = name == null ? null : WebhookEvent.parse(name.strip());
                if (event == null) {
                    violations.add(new Problem.Violation("events", "must each be one of " + WebhookEvent.names()));
                    break;
                }
                events.add(event);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        Webhook webhook = new Webhook(url, events, Boolean.TRUE.equals(request.includeAuthor()),
                StandardWebhooks.newSecret(), clock.instant());
        webhooks.persist(webhook);
        webhooks.flush();
        subscriptions.invalidate();
        return WebhookView.of(webhook, true);
    }

    private boolean acceptable(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean allowed = scheme.equals("https") || (scheme.equals("http") && config.allowHttp());
            return allowed && uri.getHost() != null && uri.getUserInfo() == null && uri.getFragment() == null;
        } catch (Exception e) {
            return false;
        }
    }

    @Transactional
    List<WebhookView> list() {
        return webhooks.listAll().stream().map(w -> WebhookView.of(w, false)).toList();
    }

    @Transactional
    WebhookView get(long id) {
        return WebhookView.of(existing(id), false);
    }

    /** Deletes the webhook; its calls still waiting are marked failed, so nothing is sent to it any more. */
    @Transactional
    void delete(long id) {
        Webhook webhook = existing(id);
        entityManager.createNativeQuery("update outbox set status = 'FAILED', last_error = 'webhook deleted' "
                + "where webhook_id = ?1 and status = 'PENDING'").setParameter(1, id).executeUpdate();
        webhooks.delete(webhook);
        subscriptions.invalidate();
    }

    @Scheduled(every = "${comments.privacy.purge-every}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCleanUp() {
        failCallsOfDeletedWebhooks();
    }

    /**
     * Fails the waiting calls of webhooks that no longer exist: a change on another instance may queue one just
     * after a deletion (its list of webhooks is up to {@link WebhookSubscriptions#TTL} old), and no sender claims
     * calls of a webhook it does not know. Answers how many.
     */
    int failCallsOfDeletedWebhooks() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(Background.SQL
                + "update outbox set status = 'FAILED', last_error = 'webhook deleted' where channel = 'webhook' "
                + "and status = 'PENDING' and not exists (select 1 from webhook w where w.id = outbox.webhook_id)")
                .executeUpdate());
    }

    /** The webhook's calls, newest first, each with its attempts. */
    @Transactional
    DeliveryPage deliveries(long id, Cursor after, int limit) {
        existing(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select id, event_id, subject, status, attempts, "
                        + "last_status_code, last_error, created_at, next_attempt_at, sent_at from outbox "
                        + "where webhook_id = ?1 and channel = 'webhook' and id < ?2 order by id desc")
                .setParameter(1, id).setParameter(2, after == null ? Long.MAX_VALUE : after.id())
                .setMaxResults(limit + 1).getResultList();
        Slice<Object[]> page = Slice.of(rows, limit);
        Map<Long, List<DeliveryView.Attempt>> attempts = attempts(page.items().stream()
                .map(row -> ((Number) row[0]).longValue()).toList());
        List<DeliveryView> views = page.items().stream().map(row -> {
            long outboxId = ((Number) row[0]).longValue();
            String status = (String) row[3];
            return new DeliveryView(outboxId, (String) row[1], (String) row[2], status,
                    ((Number) row[4]).intValue(), row[5] == null ? null : ((Number) row[5]).intValue(),
                    (String) row[6], instant(row[7]), "PENDING".equals(status) ? instant(row[8]) : null,
                    instant(row[9]), attempts.getOrDefault(outboxId, List.of()));
        }).toList();
        return new DeliveryPage(id, views, page.next(last -> new Cursor(0, ((Number) last[0]).longValue())
                .encode()));
    }

    private Map<Long, List<DeliveryView.Attempt>> attempts(List<Long> outboxIds) {
        Map<Long, List<DeliveryView.Attempt>> byRow = new LinkedHashMap<>();
        if (outboxIds.isEmpty()) {
            return byRow;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select outbox_id, attempted_at, status_code, error, "
                        + "duration_ms from outbox_attempt where outbox_id in (?1) order by id desc")
                .setParameter(1, outboxIds).getResultList();
        for (Object[] row : rows) {
            byRow.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
                    .add(new DeliveryView.Attempt(instant(row[1]), row[2] == null ? null : ((Number) row[2]).intValue(),
                            (String) row[3], ((Number) row[4]).intValue()));
        }
        return byRow;
    }

    private Webhook existing(long id) {
        Webhook webhook = webhooks.findById(id);
        if (webhook == null) {
            throw new NotFoundException("There is no webhook with this id");
        }
        return webhook;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
