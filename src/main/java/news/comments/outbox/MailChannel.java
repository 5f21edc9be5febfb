package news.comments.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Mail through SMTP (quarkus-mailer), {@code comments.mail.parallel-sends} at a time, retried per
 * {@code comments.outbox.*}. A mail over the hourly limit of its address waits, without counting as an attempt, until
 * the hour has room.
 */
@ApplicationScoped
class MailChannel implements OutboxChannel {

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final MailConfig mail;

    MailChannel(EntityManager entityManager, Mailer mailer, ObjectMapper mapper, OutboxConfig config,
                MailConfig mail) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.mapper = mapper;
        this.config = config;
        this.mail = mail;
    }

    @Override
    public String name() {
        return Outbox.MAIL;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(config.firstRetry(), config.maxRetry(), config.maxAttempts());
    }

    @Override
    public int parallelism() {
        return mail.parallelSends();
    }

    /**
     * Counts, toward the address's hourly limit, the mail sent to it in the last hour and the mail to it in flight
     * (leased by this claim or an earlier one, so mail sent in parallel never passes the limit; across instances on
     * PostgreSQL a claim does not see another's uncommitted leases, so each may pass it by one). Over the limit, the
     * mail waits until the oldest counted one is an hour old; mail in flight counts as sent now.
     */
    @Override
    public Instant waitUntil(OutboxRow row, Instant now) {
        Object[] counted = (Object[]) entityManager.createNativeQuery("select count(*), "
                        + "min(case when status = 'SENT' then sent_at end) from outbox where recipient_key = ?1 "
                        + "and (status = 'SENT' and sent_at > ?2 or status = 'PENDING' and lease_until > ?3)")
                .setParameter(1, row.recipientKey()).setParameter(2, now.minus(Duration.ofHours(1)))
                .setParameter(3, now).getSingleResult();
        if (((Number) counted[0]).longValue() < mail.maxPerHour()) {
            return null;
        }
        return (counted[1] == null ? now : OutboxQueries.instant(counted[1])).plus(Duration.ofHours(1));
    }

    @Override
    public Integer deliver(OutboxRow row) {
        Mail mail = Mail.withText(row.recipient(), row.subject(), row.bodyText()).setHtml(row.bodyHtml());
        headers(row.headers()).forEach(mail::addHeader);
        mailer.send(mail);
        return null;
    }

    private Map<String, String> headers(String json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("stored mail headers are not readable", e);
        }
    }
}
