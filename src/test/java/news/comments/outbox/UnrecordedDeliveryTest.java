package news.comments.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.comments.TestMail;
import news.comments.infra.DatabaseKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A mail that went out is recorded as sent within seconds, even when the database did not take the record at first
 * (a burst on a fresh instance had every connection, a lock was held): the sender records it again each round instead
 * of leaving the row leased, to be sent again when the lease ends five minutes later (issue 26).
 */
@QuarkusTest
class UnrecordedDeliveryTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    DatabaseKind database;

    @AfterEach
    void acceptRecordsAgain() {
        RefusedRecords.stop(entityManager, database.isPostgres());
    }

    @Test
    void shouldRecordASentMailWithinSecondsWhenTheDatabaseRefusedItsFirstRecords() {
        String address = "refused-record-" + System.nanoTime() + "@example.org";
        long id = QuarkusTransaction.requiringNew().call(() -> {
            outbox.mail(new OutgoingMail(address, "Confirm your address", "text", "<p>html</p>", Map.of()));
            long queued = ((Number) entityManager.createNativeQuery("select id from outbox where recipient = ?1")
                    .setParameter(1, address).getSingleResult()).longValue();
            // before the mail is due: the first two records of its attempt fail
            RefusedRecords.refuse(entityManager, database.isPostgres(), queued, 2);
            return queued;
        });

        TestMail.await(address, 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(List.of("SENT", 1, 1),
                row(id), "sent, at its first attempt, and that attempt recorded once"));
        TestMail.settle();
        assertEquals(1, TestMail.to(address).size(), "the mail went out once");
    }

    /** Status, attempts and recorded attempts of the row. */
    private List<Object> row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery("select status, attempts, (select count(*) "
                    + "from outbox_attempt where outbox_id = ?1) from outbox where id = ?1")
                    .setParameter(1, id).getSingleResult();
            return List.of(row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue());
        });
    }
}
