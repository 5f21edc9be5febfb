package news.comments.commenter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.comments.infra.Background;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Every {@code comments.privacy.purge-every}, mailed tokens that can do nothing any more (used, or expired) are
 * deleted: each row ties an address to a time, and a dead link has no reason to be kept. A used verification token
 * has already left its proof behind ({@code confirmed_comment}). Deletes in steps of {@link #CHUNK}, each a short
 * transaction of its own; two instances doing it at once delete nothing twice.
 */
@ApplicationScoped
class TokenPurge {

    static final int CHUNK = 1000;

    private final EntityManager entityManager;
    private final Clock clock;

    TokenPurge(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${comments.privacy.purge-every}", delayed = "3m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Answers how many tokens were deleted. */
    long purge() {
        Instant now = clock.instant();
        long deleted = 0;
        while (true) {
            int step = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<String> hashes = entityManager.createNativeQuery(Background.SQL + "select token_hash from "
                                + "commenter_token where used_at is not null or expires_at <= ?1 "
                                + "fetch first " + CHUNK + " rows only")
                        .setParameter(1, now).getResultList();
                if (hashes.isEmpty()) {
                    return 0;
                }
                return entityManager.createNativeQuery(Background.SQL + "delete from commenter_token "
                        + "where token_hash in (?1)").setParameter(1, hashes).executeUpdate();
            });
            deleted += step;
            if (step < CHUNK) {
                return deleted;
            }
        }
    }
}
