package news.comments.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settled deliveries are kept {@code comments.outbox.retention} (14 days), then deleted with their attempts; what
 * still waits stays whatever its age.
 */
@QuarkusTest
class OutboxRetentionTest {

    @Inject
    OutboxRetention retention;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldDeleteSettledDeliveriesPastTheRetentionWithTheirAttemptsAndKeepTheRest() {
        Instant now = Instant.now();
        String tag = "retention-" + System.nanoTime();
        long oldSent = row(tag, "SENT", now.minus(Duration.ofDays(15)));
        long oldFailed = row(tag, "FAILED", now.minus(Duration.ofDays(30)));
        // waiting for a retry tomorrow, so that the running sender does not claim, try and settle it meanwhile
        long oldPending = row(tag, "PENDING", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(1)));
        long recentSent = row(tag, "SENT", now.minus(Duration.ofDays(13)));
        attempt(oldSent);
        attempt(oldFailed);
        attempt(recentSent);

        assertTrue(retention.purge() >= 2);

        assertEquals(List.of(oldPending, recentSent), ids(tag), "waiting rows and recent ones stay");
        assertEquals(0L, count("select count(*) from outbox_attempt where outbox_id in (" + oldSent + ", " + oldFailed
                + ")"), "their attempts went with them");
        assertEquals(1L, count("select count(*) from outbox_attempt where outbox_id = " + recentSent));
        assertEquals(0, retention.purge(), "nothing more is due");
    }

    private long row(String tag, String status, Instant created) {
        return row(tag, status, created, created);
    }

    private long row(String tag, String status, Instant created, Instant nextAttempt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("insert into outbox (channel, recipient, recipient_key, subject, status, "
                            + "attempts, next_attempt_at, created_at, sent_at) values ('mail', ?1, 1, ?2, ?3, 1, ?6, "
                            + "?4, ?5)")
                    .setParameter(1, tag + "@example.org").setParameter(2, tag).setParameter(3, status)
                    .setParameter(4, created).setParameter(5, "SENT".equals(status) ? created : null)
                    .setParameter(6, nextAttempt)
                    .executeUpdate();
            return ((Number) entityManager.createNativeQuery("select max(id) from outbox where subject = ?1")
                    .setParameter(1, tag).getSingleResult()).longValue();
        });
    }

    private void attempt(long outboxId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("insert into outbox_attempt "
                        + "(outbox_id, attempted_at, duration_ms) values (?1, ?2, 5)")
                .setParameter(1, outboxId).setParameter(2, Instant.now()).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) entityManager
                .createNativeQuery("select id from outbox where subject = ?1 order by id").setParameter(1, tag)
                .getResultList()).stream().map(Number::longValue).toList());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .getSingleResult()).longValue());
    }
}
