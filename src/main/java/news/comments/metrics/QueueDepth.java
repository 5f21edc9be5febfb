package news.comments.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.infra.Background;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The moderation queue's depth per status ({@code comments_queue_depth{status}}), counted in the database every
 * {@code comments.metrics.queue-refresh} (one grouped query on the queue's index) and served from memory between, so
 * a scrape costs nothing. On several instances each counts the shared database and shows the same numbers.
 */
@ApplicationScoped
class QueueDepth {

    /** The statuses that wait for someone: the queue, the spam folder, and comments waiting for their address. */
    enum Waiting { PENDING, SPAM, UNVERIFIED }

    private final EntityManager entityManager;
    private final Map<Waiting, AtomicLong> depths = new EnumMap<>(Waiting.class);

    /**
     * The schedule reads {@code comments.metrics.queue-refresh} by name; {@code config} is asked for nothing, but
     * Quarkus registers a mapping only where one is injected, and the mapping gives the key its default and its check
     * at start-up.
     */
    QueueDepth(EntityManager entityManager, MeterRegistry registry, MetricsConfig config) {
        this.entityManager = entityManager;
        for (Waiting status : Waiting.values()) {
            AtomicLong depth = new AtomicLong();
            depths.put(status, depth);
            Gauge.builder("comments.queue.depth", depth, AtomicLong::get).tag("status", status.name())
                    .description("Comments waiting in this status, as last counted").register(registry);
        }
    }

    @Scheduled(every = "${comments.metrics.queue-refresh}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refresh() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(Background.SQL + "select status, count(*) from comment "
                + "where status in ('PENDING', 'SPAM', 'UNVERIFIED') group by status").getResultList();
        Map<Waiting, Long> counted = new EnumMap<>(Waiting.class);
        for (Object[] row : rows) {
            counted.put(Waiting.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        depths.forEach((status, depth) -> depth.set(counted.getOrDefault(status, 0L)));
    }
}
