package news.comments.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import news.comments.web.Hashes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The durable outbox: work to deliver (mail, webhook calls) is written here in the same transaction as the
 * change that causes it, so it is sent if and only if that change commits. {@link OutboxSender} delivers it after the
 * commit; nothing is ever sent from inside a request's transaction, so a dead SMTP server never slows a post.
 */
@ApplicationScoped
public class Outbox {

    static final String MAIL = "mail";
    /** Rows or comments per statement when erasure looks for and deletes what concerns an address. */
    private static final int CHUNK = 100;
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
     * Part of erasing an address: deletes every delivery, sent, waiting or failed, that carries the address or is
     * about one of its comments ({@code commentIds}), with its attempts. That is every mail to the address, any mail
     * or webhook call whose recipient, subject, body, headers or last error names it, every webhook call about one of
     * the comments (its document holds the author's name, and for an endpoint with {@code includeAuthor} the
     * address, IP and user agent), and every mail linking to one of them (another reader's reply notification, which
     * names the author). A waiting one is not sent any more, so no receiver gets the author's data after the
     * erasure. Attempts whose row is gone (an erasure before this one kept them) go too, as their errors may echo an
     * address. Runs before the erasure's own changes, whose announcements must stay. Answers how many deliveries.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetErased(String address, List<Long> commentIds) {
        String like = "%" + likeEscaped(address.toLowerCase(Locale.ROOT)) + "%";
        Pattern naming = naming(address);
        Set<Long> ids = new TreeSet<>();
        for (Object row : entityManager.createNativeQuery("select id, recipient, subject, body_text, body_html, "
                        + "headers, last_error from outbox where lower(recipient) like ?1 escape '!' "
                        + "or lower(subject) like ?1 escape '!' or lower(body_text) like ?1 escape '!' "
                        + "or lower(body_html) like ?1 escape '!' or lower(headers) like ?1 escape '!' "
                        + "or lower(last_error) like ?1 escape '!'").setParameter(1, like).getResultList()) {
            Object[] columns = (Object[]) row;
            if (names(naming, columns)) {
                ids.add(((Number) columns[0]).longValue());
            }
        }
        for (int from = 0; from < commentIds.size(); from += CHUNK) {
            ids.addAll(about(commentIds.subList(from, Math.min(commentIds.size(), from + CHUNK))));
        }
        for (Object row : entityManager.createNativeQuery("select id, error from outbox_attempt "
                + "where lower(error) like ?1 escape '!'").setParameter(1, like).getResultList()) {
            Object[] columns = (Object[]) row;
            if (names(naming, columns)) {
                entityManager.createNativeQuery("delete from outbox_attempt where id = ?1")
                        .setParameter(1, ((Number) columns[0]).longValue()).executeUpdate();
            }
        }
        List<Long> doomed = List.copyOf(ids);
        for (int from = 0; from < doomed.size(); from += CHUNK) {
            List<Long> chunk = doomed.subList(from, Math.min(doomed.size(), from + CHUNK));
            entityManager.createNativeQuery("delete from outbox_attempt where outbox_id in (?1)")
                    .setParameter(1, chunk).executeUpdate();
            entityManager.createNativeQuery("delete from outbox where id in (?1)").setParameter(1, chunk)
                    .executeUpdate();
        }
        entityManager.createNativeQuery("delete from outbox_attempt "
                + "where not exists (select 1 from outbox o where o.id = outbox_attempt.outbox_id)").executeUpdate();
        return doomed.size();
    }

    /**
     * The address as a whole, in any case: not the tail of a longer address ({@code xa@b.org}) nor the head of a
     * longer domain ({@code a@b.org.uk}), whose deliveries are someone else's and must stay.
     */
    private static Pattern naming(String address) {
        return Pattern.compile("(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])" + Pattern.quote(address)
                + "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Whether a text column of the row (all but the first, its id) names the address. */
    private static boolean names(Pattern naming, Object[] columns) {
        for (int i = 1; i < columns.length; i++) {
            if (columns[i] != null && naming.matcher(columns[i].toString()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rows about these comments: a webhook document whose {@code data.commentId} is one (a quote in a JSON string is
     * escaped, so only the key itself matches), or a mail that links to one ({@code #comment-<id>}).
     */
    private List<Long> about(List<Long> commentIds) {
        StringBuilder where = new StringBuilder();
        List<Pattern> webhook = new ArrayList<>();
        List<Pattern> mail = new ArrayList<>();
        for (int i = 0; i < commentIds.size(); i++) {
            where.append(i == 0 ? "" : " or ").append("body_text like ?").append(2 * i + 1)
                    .append(" or body_text like ?").append(2 * i + 2);
            long id = commentIds.get(i);
            // the next character is not a digit: comment 4 is not comment 42
            webhook.add(Pattern.compile("\"commentId\":" + id + "(?![0-9])"));
            mail.add(Pattern.compile("#comment-" + id + "(?![0-9])"));
        }
        Query query = entityManager.createNativeQuery("select id, channel, body_text from outbox where " + where);
        for (int i = 0; i < commentIds.size(); i++) {
            query.setParameter(2 * i + 1, "%\"commentId\":" + commentIds.get(i) + "%");
            query.setParameter(2 * i + 2, "%#comment-" + commentIds.get(i) + "%");
        }
        List<Long> found = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            String text = columns[2] == null ? "" : columns[2].toString();
            List<Pattern> patterns = WEBHOOK.equals(columns[1]) ? webhook : mail;
            if (patterns.stream().anyMatch(pattern -> pattern.matcher(text).find())) {
                found.add(((Number) columns[0]).longValue());
            }
        }
        return found;
    }

    /** A value for LIKE ... ESCAPE '!': addresses may hold {@code _} and {@code %}, LIKE's wildcards. */
    private static String likeEscaped(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
