package news.comments.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.comments.infra.Background;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code comments.outbox.retention}: every {@code comments.privacy.purge-every}, deliveries settled (sent, or failed
 * for good) longer ago than that are deleted with their attempts. Sent mail carries addresses and comment texts, so
 * it is kept no longer than admins need it to see what went out; waiting rows are never touched. Deletes in steps
 * of {@link #CHUNK}, each a short transaction of its own; two instances doing it at once delete nothing twice.
 */
@ApplicationScoped
class OutboxRetention {

    static final int CHUNK = 1000;
    /** The hourly mail limit counts the last hour's sent mail, and webhooks retry for a day. */
    static final Duration SHORTEST = Duration.ofDays(1);

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final Clock clock;

    OutboxRetention(EntityManager entityManager, OutboxConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${comments.privacy.purge-every}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Answers how many deliveries were deleted. */
    long purge() {
        Duration retention = config.retention();
        Instant before = clock.instant().minus(retention.compareTo(SHORTEST) < 0 ? SHORTEST : retention);
        long deleted = 0;
        while (true) {
            int step = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Number> ids = entityManager.createNativeQuery(Background.SQL + "select id from outbox "
                                + "where status in ('SENT', 'FAILED') and created_at < ?1 order by id "
                                + "fetch first " + CHUNK + " rows only")
                        .setParameter(1, before).getResultList();
                if (ids.isEmpty()) {
                    return 0;
                }
                List<Long> keys = ids.stream().map(Number::longValue).toList();
                entityManager.createNativeQuery(Background.SQL + "delete from outbox_attempt where outbox_id in (?1)")
                        .setParameter(1, keys).executeUpdate();
                entityManager.createNativeQuery(Background.SQL + "delete from outbox where id in (?1)")
                        .setParameter(1, keys).executeUpdate();
                return keys.size();
            });
            deleted += step;
            if (step < CHUNK) {
                return deleted;
            }
        }
    }
}
