package news.comments.privacy;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.infra.KeyedHashes;

import java.util.List;

/**
 * Finishes V7 at start-up, where the server secret is known: reports filed before it get the keyed hash of their IP
 * and lose the IP itself, bans made before it get the keyed hash of their address. Later starts find nothing to do.
 * Simultaneous starts of several instances compute the same hashes, so they cannot disagree.
 */
@ApplicationScoped
class KeyedHashUpgrade {

    private final EntityManager entityManager;
    private final KeyedHashes keyedHashes;

    KeyedHashUpgrade(EntityManager entityManager, KeyedHashes keyedHashes) {
        this.entityManager = entityManager;
        this.keyedHashes = keyedHashes;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        @SuppressWarnings("unchecked")
        List<Object[]> reports = entityManager.createNativeQuery("select id, ip from report where ip is not null")
                .getResultList();
        for (Object[] row : reports) {
            entityManager.createNativeQuery("update report set ip_key = ?2, ip = null where id = ?1")
                    .setParameter(1, ((Number) row[0]).longValue()).setParameter(2, keyedHashes.ip((String) row[1]))
                    .executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> bans = entityManager.createNativeQuery("select id, email_lc from ban where email_hash is null")
                .getResultList();
        for (Object[] row : bans) {
            entityManager.createNativeQuery("update ban set email_hash = ?2 where id = ?1")
                    .setParameter(1, ((Number) row[0]).longValue())
                    .setParameter(2, keyedHashes.email((String) row[1])).executeUpdate();
        }
    }
}
