package news.comments.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.comments.config.CommentsConfig;
import news.comments.infra.DatabaseKind;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Delivers the outbox after commit. Each due row is claimed in a transaction of its own with a row lock
 * ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so two instances never take the same row; H2 has one instance per
 * file), delivered while the lock is held, and marked sent, or retried later with a doubling wait
 * ({@code comments.outbox.first-retry} up to {@code max-retry}) until {@code max-attempts}, then marked failed.
 * Delivery is at least once: an instance killed between the SMTP answer and its commit sends that mail again.
 * A mail over the hourly limit of its address waits, without counting as an attempt, until the hour has room.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    /** Rows delivered per tick at most, so one tick never runs for long. */
    static final int BATCH = 50;
    private static final int ERROR_MAX = 1000;

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final ObjectMapper mapper;
    private final CommentsConfig config;
    private final Clock clock;
    private final String claim;

    OutboxSender(EntityManager entityManager, Mailer mailer, ObjectMapper mapper, CommentsConfig config, Clock clock,
                 DatabaseKind database) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
        this.claim = "select id, channel, recipient, recipient_key, subject, body_text, body_html, headers, attempts "
                + "from outbox where status = 'PENDING' and next_attempt_at <= ?1 order by next_attempt_at, id "
                + "fetch first 1 rows only for update" + (database.isPostgres() ? " skip locked" : "");
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        for (int i = 0; i < BATCH; i++) {
            if (!deliverOne()) {
                return;
            }
        }
    }

    /** Claims, delivers and settles the oldest due row; false when none is due. */
    boolean deliverOne() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(claim).setParameter(1, now).getResultList();
            if (rows.isEmpty()) {
                return false;
            }
            Object[] row = rows.get(0);
            long id = ((Number) row[0]).longValue();
            int attempts = ((Number) row[8]).intValue();
            Instant roomAt = hourlyRoom(((Number) row[3]).longValue(), now);
            if (roomAt != null) {
                update("update outbox set next_attempt_at = ?2 where id = ?1", id, roomAt);
                return true;
            }
            try {
                send((String) row[2], (String) row[4], (String) row[5], (String) row[6], (String) row[7]);
                update("update outbox set status = 'SENT', sent_at = ?2, attempts = ?3, last_error = null "
                        + "where id = ?1", id, now, attempts + 1);
            } catch (RuntimeException e) {
                settleFailure(id, attempts + 1, now, e);
            }
            return true;
        });
    }

    private void send(String to, String subject, String text, String html, String headers) {
        Mail mail = Mail.withText(to, subject, text).setHtml(html);
        headers(headers).forEach(mail::addHeader);
        mailer.send(mail);
    }

    private void settleFailure(long id, int attempts, Instant now, RuntimeException e) {
        String error = describe(e);
        if (attempts >= config.outbox().maxAttempts()) {
            LOG.warnf("outbox row %d failed for good after %d attempts: %s", id, attempts, error);
            entityManager.createNativeQuery("update outbox set status = 'FAILED', attempts = ?2, last_error = ?3 "
                    + "where id = ?1").setParameter(1, id).setParameter(2, attempts).setParameter(3, error)
                    .executeUpdate();
            return;
        }
        entityManager.createNativeQuery("update outbox set attempts = ?2, last_error = ?3, next_attempt_at = ?4 "
                        + "where id = ?1").setParameter(1, id).setParameter(2, attempts).setParameter(3, error)
                .setParameter(4, now.plus(backoff(attempts))).executeUpdate();
    }

    /** The wait after the {@code attempts}-th failure: first-retry, doubling, at most max-retry. */
    Duration backoff(int attempts) {
        Duration wait = config.outbox().firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(config.outbox().maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.outbox().maxRetry()) > 0 ? config.outbox().maxRetry() : wait;
    }

    /** When the address has room again if its hour is full, else null. */
    private Instant hourlyRoom(long recipientKey, Instant now) {
        Object[] sent = (Object[]) entityManager.createNativeQuery("select count(*), min(sent_at) from outbox "
                        + "where recipient_key = ?1 and status = 'SENT' and sent_at > ?2")
                .setParameter(1, recipientKey).setParameter(2, now.minus(Duration.ofHours(1))).getSingleResult();
        if (((Number) sent[0]).longValue() < config.mail().maxPerHour()) {
            return null;
        }
        return OutboxQueries.instant(sent[1]).plus(Duration.ofHours(1));
    }

    private void update(String sql, long id, Instant at) {
        entityManager.createNativeQuery(sql).setParameter(1, id).setParameter(2, at).executeUpdate();
    }

    private void update(String sql, long id, Instant at, int attempts) {
        entityManager.createNativeQuery(sql).setParameter(1, id).setParameter(2, at).setParameter(3, attempts)
                .executeUpdate();
    }

    private Map<String, String> headers(String json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("stored mail headers are not readable", e);
        }
    }

    /** The failure as an admin may read it: the class and message of its root cause, no stack trace. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > ERROR_MAX ? text.substring(0, ERROR_MAX) : text;
    }
}
