package news.comments.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import news.comments.infra.DatabaseKind;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers the outbox after commit, each channel ({@link OutboxChannel}: mail, webhooks) in a worker of its own, so a
 * slow webhook receiver never delays mail. Each due row is claimed in a transaction of its own with a row lock
 * ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so two instances never take the same row; H2 has one instance per
 * file), delivered while the lock is held, and marked sent, or retried later with the channel's doubling wait until
 * its maximum of attempts, then marked failed. Every attempt is recorded ({@code outbox_attempt}) with the receiver's
 * status code where it has one. Delivery is at least once: an instance killed between the receiver's answer and its
 * commit delivers that row again.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    /** Rows delivered per tick and channel at most, so one tick never runs for long. */
    static final int BATCH = 50;
    private static final int ERROR_MAX = 1000;

    private final EntityManager entityManager;
    private final Map<String, OutboxChannel> channels;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final String claim;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "outbox-sender");
        thread.setDaemon(true);
        return thread;
    });

    OutboxSender(EntityManager entityManager, Instance<OutboxChannel> channels, MeterRegistry metrics, Clock clock,
                 DatabaseKind database) {
        this.entityManager = entityManager;
        this.channels = channels.stream().collect(Collectors.toMap(OutboxChannel::name, Function.identity()));
        this.metrics = metrics;
        this.clock = clock;
        this.claim = "select id, channel, recipient, recipient_key, subject, body_text, body_html, headers, attempts, "
                + "webhook_id, event_id from outbox where channel = ?2 and status = 'PENDING' "
                + "and next_attempt_at <= ?1 order by next_attempt_at, id "
                + "fetch first 1 rows only for update" + (database.isPostgres() ? " skip locked" : "");
    }

    /** Starts a worker for each channel that has none running. */
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        for (OutboxChannel channel : channels.values()) {
            AtomicBoolean busy = running.computeIfAbsent(channel.name(), name -> new AtomicBoolean());
            if (busy.compareAndSet(false, true)) {
                workers.execute(() -> {
                    try {
                        for (int i = 0; i < BATCH && deliverOne(channel); i++) {
                            // one row per transaction
                        }
                    } catch (RuntimeException e) {
                        LOG.warnf("outbox worker of %s stopped this tick: %s", channel.name(), describe(e));
                    } finally {
                        busy.set(false);
                    }
                });
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }

    /** Claims, delivers and settles the oldest due row of the channel; false when none is due. */
    boolean deliverOne(OutboxChannel channel) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(claim).setParameter(1, now)
                    .setParameter(2, channel.name()).getResultList();
            if (rows.isEmpty()) {
                return false;
            }
            OutboxRow row = row(rows.get(0));
            Instant roomAt = channel.waitUntil(row, now);
            if (roomAt != null) {
                entityManager.createNativeQuery("update outbox set next_attempt_at = ?2 where id = ?1")
                        .setParameter(1, row.id()).setParameter(2, roomAt).executeUpdate();
                return true;
            }
            long started = System.nanoTime();
            Integer statusCode = null;
            String error = null;
            try {
                statusCode = channel.deliver(row);
            } catch (DeliveryFailure e) {
                statusCode = e.statusCode();
                error = truncate(e.getMessage());
            } catch (RuntimeException e) {
                error = describe(e);
            }
            int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
            recordAttempt(row.id(), now, statusCode, error, millis);
            if (error == null) {
                entityManager.createNativeQuery("update outbox set status = 'SENT', sent_at = ?2, attempts = ?3, "
                                + "last_error = null, last_status_code = ?4 where id = ?1")
                        .setParameter(1, row.id()).setParameter(2, now).setParameter(3, row.attempts() + 1)
                        .setParameter(4, statusCode).executeUpdate();
                count(channel, "sent");
            } else {
                settleFailure(channel, row, now, statusCode, error);
            }
            return true;
        });
    }

    private void settleFailure(OutboxChannel channel, OutboxRow row, Instant now, Integer statusCode, String error) {
        int attempts = row.attempts() + 1;
        RetryPolicy policy = channel.retryPolicy();
        boolean last = attempts >= policy.maxAttempts();
        if (last) {
            LOG.warnf("outbox row %d failed for good after %d attempts: %s", row.id(), attempts, error);
        }
        entityManager.createNativeQuery("update outbox set status = ?5, attempts = ?2, last_error = ?3, "
                        + "next_attempt_at = ?4, last_status_code = ?6 where id = ?1")
                .setParameter(1, row.id()).setParameter(2, attempts).setParameter(3, error)
                .setParameter(4, last ? now : now.plus(policy.backoff(attempts)))
                .setParameter(5, last ? "FAILED" : "PENDING").setParameter(6, statusCode).executeUpdate();
        count(channel, last ? "failed" : "retry");
    }

    private void recordAttempt(long outboxId, Instant at, Integer statusCode, String error, int millis) {
        entityManager.createNativeQuery("insert into outbox_attempt (outbox_id, attempted_at, status_code, error, "
                        + "duration_ms) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, outboxId).setParameter(2, at).setParameter(3, statusCode).setParameter(4, error)
                .setParameter(5, millis).executeUpdate();
    }

    private void count(OutboxChannel channel, String result) {
        metrics.counter("comments.outbox.deliveries", "channel", channel.name(), "result", result).increment();
    }

    private static OutboxRow row(Object[] row) {
        return new OutboxRow(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                ((Number) row[3]).longValue(), (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                ((Number) row[8]).intValue(), row[9] == null ? null : ((Number) row[9]).longValue(),
                (String) row[10]);
    }

    /** The failure as an admin may read it: the class and message of its root cause, no stack trace. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return truncate(root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX);
    }
}
