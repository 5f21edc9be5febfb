package news.comments.filter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.comments.automod.SpamScore;
import news.comments.infra.DatabaseKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances share one model: what one learns, the other scores with at its next comment, and forgetting reaches
 * both. The second instance is a second {@link SpamModel} with its own copy of the counts, on the same database;
 * in the PostgreSQL suite ({@code -Ppostgres}) that database is PostgreSQL. .ci/checks/two-instances-filter.sh checks
 * the same with two running services.
 */
@QuarkusTest
class SharedModelTest {

    private static final AtomicLong EXAMPLE = new AtomicLong(-1_000_000_000L - System.nanoTime() % 1_000_000);

    @Inject
    SpamModel instanceA;

    @Inject
    EntityManager entityManager;

    @Inject
    DatabaseKind databaseKind;

    @Test
    void shouldScoreOnOneInstanceWhatTheOtherLearned() {
        SpamModel instanceB = new SpamModel(entityManager, databaseKind);
        QuarkusTransaction.requiringNew().run(instanceA::forget);
        List<String> spammy = List.of("sharedcheap", "sharedpills");
        assertEquals(0.5, scoreOn(instanceB, spammy).probability(), 1e-9, "nothing learned yet");

        long reversed = EXAMPLE.decrementAndGet();
        learnOn(instanceA, reversed, Label.SPAM, spammy);
        for (int i = 0; i < 3; i++) {
            learnOn(instanceA, EXAMPLE.decrementAndGet(), Label.SPAM, spammy);
            learnOn(instanceA, EXAMPLE.decrementAndGet(), Label.HAM, List.of("sharedcouncil"));
        }
        SpamScore seen = scoreOn(instanceB, spammy);
        assertEquals(4, seen.spamLearned());
        assertEquals(3, seen.hamLearned());
        assertTrue(seen.probability() > 0.9, seen::toString);

        learnOn(instanceA, reversed, Label.HAM, spammy);
        SpamScore afterReversal = scoreOn(instanceB, spammy);
        assertEquals(3, afterReversal.spamLearned());
        assertEquals(4, afterReversal.hamLearned());
        assertTrue(afterReversal.probability() < seen.probability(), afterReversal::toString);

        QuarkusTransaction.requiringNew().run(instanceA::forget);
        SpamScore forgotten = scoreOn(instanceB, spammy);
        assertEquals(0, forgotten.spamLearned() + forgotten.hamLearned());
        assertEquals(0.5, forgotten.probability(), 1e-9);
    }

    private static SpamScore scoreOn(SpamModel instance, List<String> tokens) {
        return QuarkusTransaction.requiringNew().call(() -> instance.score(tokens));
    }

    private static void learnOn(SpamModel instance, long example, Label label, List<String> tokens) {
        QuarkusTransaction.requiringNew().run(() -> instance.learn(example, label, tokens, Instant.now()));
    }
}
