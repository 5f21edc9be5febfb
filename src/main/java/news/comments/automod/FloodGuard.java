package news.comments.automod;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import news.comments.web.Hashes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The flood rule, held by the database so that it works across instances. Each IP and each email has a row with the
 * time of its last accepted comment; admitting a comment is a conditional UPDATE inside the posting transaction
 * ("set last_at = now where last_at <= now - window"). Two simultaneous posts from one author queue on the row lock,
 * and the second finds the window closed; a refused or rolled-back post leaves the row as it was. A first post from
 * a new IP or email claims its row with an INSERT of its own, kept even if that post later fails (a rare case: all
 * cheap refusals come before the flood rule). Keys are SHA-256 hashes, so the table holds no address.
 */
@ApplicationScoped
public class FloodGuard {

    private final EntityManager entityManager;

    FloodGuard(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Admits a comment from this IP and email now, or throws {@link FloodedException}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admit(String ip, String email, int windowSeconds, Instant now) {
        if (windowSeconds <= 0) {
            return;
        }
        // always IP first, then email: one lock order, so two posts can never deadlock each other
        for (String key : List.of(key("ip", ip), key("email", email.toLowerCase(Locale.ROOT)))) {
            admitKey(key, windowSeconds, now);
        }
    }

    /** Forgets rows that no window can still need. */
    @Transactional
    public int forgetBefore(Instant cutoff) {
        return entityManager.createNativeQuery("delete from flood_guard where last_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }

    /**
     * The usual case costs one statement: the conditional UPDATE of a known key, or, for a key seen for the first
     * time, an INSERT that claims it (in a transaction of its own, so that the primary key settles a race between
     * two first posts: the loser falls through to the refusal).
     */
    private void admitKey(String key, int windowSeconds, Instant now) {
        Instant opensAt = now.minusSeconds(windowSeconds);
        if (advance(key, now, opensAt) || claimNewKey(key, now)) {
            return;
        }
        List<?> last = entityManager.createNativeQuery("select last_at from flood_guard where guard_key = ?1")
                .setParameter(1, key).getResultList();
        Instant lastAt = last.isEmpty() ? now : toInstant(last.get(0));
        long millisLeft = Duration.between(now, lastAt.plusSeconds(windowSeconds)).toMillis();
        throw new FloodedException(Math.max(1, (millisLeft + 999) / 1000));
    }

    private boolean advance(String key, Instant now, Instant opensAt) {
        return entityManager.createNativeQuery(
                        "update flood_guard set last_at = ?1 where guard_key = ?2 and last_at <= ?3")
                .setParameter(1, now).setParameter(2, key).setParameter(3, opensAt)
                .executeUpdate() == 1;
    }

    private boolean claimNewKey(String key, Instant now) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("insert into flood_guard (guard_key, last_at) values (?1, ?2)")
                    .setParameter(1, key).setParameter(2, now).executeUpdate());
            return true;
        } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException e) {
            return false;
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return Instant.parse(value.toString());
    }

    private static String key(String kind, String value) {
        return Hashes.sha256Hex(kind + ":" + value);
    }
}
