package news.comments.filter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import news.comments.automod.SpamScore;
import news.comments.infra.DatabaseKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances share one model: what one learns, the other scores with at its next comment, and forgetting reaches
 * both. The second instance is a second {@link SpamModel} with its own copy of the counts, on the same database;
 * in the PostgreSQL suite ({@code -Ppostgres}) that database is PostgreSQL. .ci/checks/two-instances.sh checks
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

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Test
    void shouldScoreOnOneInstanceWhatTheOtherLearned() {
        SpamModel instanceB = new SpamModel(entityManager, transactions, databaseKind);
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

    @Test
    void shouldPruneTheRarestTokensInStepsToNinetyPercentOfTheBoundWhileBothInstancesScore() {
        SpamModel instanceB = new SpamModel(entityManager, transactions, databaseKind);
        QuarkusTransaction.requiringNew().run(instanceA::forget);
        // 1,000 tokens seen once, 300 seen twice, 100 seen in every example; the bound 1,000 keeps 900
        List<String> common = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            common.add("boundcommon" + i);
        }
        for (int example = 0; example < 10; example++) {
            List<String> tokens = new java.util.ArrayList<>(common);
            for (int i = 0; i < 100; i++) {
                tokens.add("boundonce" + example + "x" + i);
            }
            for (int i = 0; i < 60; i++) {
                tokens.add("boundtwice" + (example / 2) + "x" + i);
            }
            learnOn(instanceA, EXAMPLE.decrementAndGet(), example % 2 == 0 ? Label.SPAM : Label.HAM, tokens);
        }
        assertTrue(scoreOn(instanceB, List.of("boundonce0x0")).probability() > 0.6, "B holds the whole model");
        assertEquals(1400, instanceA.stats().tokens());

        long deleted = instanceA.prune(1000, 150);

        long kept = instanceA.stats().tokens();
        assertEquals(900, kept, "down to 90% of the bound, deleted in steps of 150");
        assertEquals(1400 - kept, deleted);
        List<String> survivors = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select token from filter_token").getResultList().stream()
                .map(Object::toString).toList());
        assertTrue(survivors.containsAll(common), "the most seen tokens stay");
        assertEquals(300, survivors.stream().filter(t -> t.startsWith("boundtwice")).count(),
                "only tokens seen once went: there were enough of them");
        String pruned = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "boundonce0x" + i)
                .filter(t -> !survivors.contains(t)).findFirst().orElseThrow();
        SpamScore onB = scoreOn(instanceB, List.of(pruned));
        assertEquals(0.5, onB.probability(), 1e-9, "B reads the pruned model again: " + pruned + " is unknown now");
        assertEquals(5, onB.spamLearned(), "the decisions learned stay");
        assertEquals(0, instanceA.prune(1000, 150), "within the bound: nothing to do");
        QuarkusTransaction.requiringNew().run(instanceA::forget);
    }

    @Test
    void shouldKeepACommentQueuedWhenItWasDecidedAgainWhileBeingLearned() {
        long comment = EXAMPLE.decrementAndGet();
        // one transaction, so the running learner never sees these rows
        QuarkusTransaction.requiringNew().run(() -> {
            instanceA.enqueue(comment, Instant.now());
            List<SpamModel.Queued> read = queuedOf(comment);
            assertEquals(List.of(new SpamModel.Queued(comment, 1)), read);

            instanceA.enqueue(comment, Instant.now());
            instanceA.dequeue(read);
            assertEquals(List.of(new SpamModel.Queued(comment, 2)), queuedOf(comment),
                    "decided again after it was read: the next round learns it again");

            instanceA.dequeue(queuedOf(comment));
            assertEquals(List.of(), queuedOf(comment));
        });
    }

    private List<SpamModel.Queued> queuedOf(long comment) {
        return instanceA.queued(100_000).stream().filter(q -> q.commentId() == comment).toList();
    }

    @Test
    void shouldQueueNothingWhenTheDecisionRollsBack() {
        long comment = EXAMPLE.decrementAndGet();
        long before = QuarkusTransaction.requiringNew().call(instanceA::waiting);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            instanceA.enqueue(comment, Instant.now());
            throw new IllegalStateException("the decision failed");
        }));
        assertEquals(before, QuarkusTransaction.requiringNew().call(instanceA::waiting));
    }

    private static SpamScore scoreOn(SpamModel instance, List<String> tokens) {
        return QuarkusTransaction.requiringNew().call(() -> instance.score(tokens));
    }

    private static void learnOn(SpamModel instance, long example, Label label, List<String> tokens) {
        QuarkusTransaction.requiringNew().run(() -> instance.learn(example, label, tokens, Instant.now()));
    }
}
