package news.comments.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.web.Hashes;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The durable outbox: work to deliver (mail, webhook calls) is written here in the same transaction as the
 * change that causes it, so it is sent if and only if that change commits. {@link OutboxSender} delivers it after the
 * commit; nothing is ever sent from inside a request's transaction, so a dead SMTP server never slows a post.
 */
@ApplicationScoped
public class Outbox {

    static final String MAIL = "mail";
    /** The channel of webhook calls; its deliverer lives in the webhook package. */
    public static final String WEBHOOK = "webhook";

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final Clock clock;

    Outbox(EntityManager entityManager, ObjectMapper mapper, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Queues a mail in the caller's transaction; it is due at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mail(OutgoingMail mail) {
        Instant now = clock.instant();
        entityManager.createNativeQuery("insert into outbox (channel, recipient, recipient_key, subject, body_text, "
                        + "body_html, headers, status, attempts, next_attempt_at, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', 0, ?8, ?8)")
                .setParameter(1, MAIL)
                .setParameter(2, mail.to())
                .setParameter(3, recipientKey(mail.to()))
                .setParameter(4, mail.subject())
                .setParameter(5, mail.text())
                .setParameter(6, mail.html())
                .setParameter(7, json(mail))
                .setParameter(8, now)
                .executeUpdate();
    }

    /**
     * Queues a webhook call in the caller's transaction: the JSON document for one endpoint, of the event {@code type}, with the message id
     * that every attempt sends ({@code webhook-id}). The call is signed when it is sent, as the signature covers the
     * attempt's time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void webhook(long webhookId, String url, String eventId, String type, String json) {
        Instant now = clock.instant();
        entityManager.createNativeQuery("insert into outbox (channel, recipient, recipient_key, subject, body_text, "
                        + "status, attempts, next_attempt_at, created_at, webhook_id, event_id) "
                        + "values (?1, ?2, ?3, ?8, ?4, 'PENDING', 0, ?5, ?5, ?6, ?7)")
                .setParameter(1, WEBHOOK)
                .setParameter(2, url)
                .setParameter(3, webhookId)
                .setParameter(4, json)
                .setParameter(5, now)
                .setParameter(6, webhookId)
                .setParameter(7, eventId)
                .setParameter(8, type)
                .executeUpdate();
    }

    /**
     * Drops every mail to this address, sent or waiting: part of erasing it (the admins' outbox view then knows
     * nothing of it, and nothing more goes out to it). Answers how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetRecipient(String address) {
        return entityManager.createNativeQuery("delete from outbox where recipient_key = ?1 and lower(recipient) = ?2")
                .setParameter(1, recipientKey(address)).setParameter(2, address.toLowerCase(Locale.ROOT))
                .executeUpdate();
    }

    /** The key under which mails to one address are counted (first 64 bits of its hash; the address is not needed). */
    static long recipientKey(String address) {
        return Hashes.sha256Long("mail:" + address.toLowerCase(Locale.ROOT));
    }

    private String json(OutgoingMail mail) {
        try {
            return mapper.writeValueAsString(mail.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mail headers could not be written", e);
        }
    }
}
