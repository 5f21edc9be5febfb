package news.comments.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.mail.internet.MimeMessage;
import news.comments.MailServer;
import news.comments.TestClock;
import news.comments.TestMail;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.post;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mail waits in the outbox, written with the change that causes it: a dead SMTP server slows no post, and the mail
 * goes out once the server is back, once. Admins see what waits and what failed. Mail over the hourly limit waits for
 * the next hour and then goes out; nothing is dropped.
 */
@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldPostWhileSmtpIsDownAndSendTheMailOnceItIsBack() {
        Map<String, Object> comment = validComment();
        String email = (String) comment.get("authorEmail");
        MailServer.stopServer();
        try {
            post(article("PRE"), comment).statusCode(201);
            JsonPath waiting = awaitRow(email, row -> row.getInt("attempts") >= 1);
            assertEquals("PENDING", waiting.getString("status"));
            assertNotNull(waiting.getString("lastError"), "admins see why it waits");
        } finally {
            MailServer.startServer();
        }
        TestMail.await(email, 1);
        TestMail.settle();
        assertEquals(1, TestMail.to(email).size());
        assertEquals("SENT", awaitRow(email, row -> "SENT".equals(row.getString("status"))).getString("status"));
    }

    @Test
    void shouldMarkAMailFailedAfterItsLastAttempt() {
        String address = "undeliverable-" + System.nanoTime() + "@example.org";
        MailServer.stopServer();
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.mail(new OutgoingMail(address, "Hello", "text",
                    "<p>html</p>", Map.of())));
            JsonPath failed = awaitRow(address, row -> "FAILED".equals(row.getString("status")));
            assertEquals(10, failed.getInt("attempts"));
        } finally {
            MailServer.startServer();
        }
        admin().queryParam("status", "FAILED").get("/api/admin/outbox").then().statusCode(200)
                .body("status", equalTo("FAILED"));
        admin().queryParam("status", "LOST").get("/api/admin/outbox").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        moderator().get("/api/admin/outbox").then().statusCode(403);
        reader().get("/api/admin/outbox").then().statusCode(401);
    }

    @Test
    void shouldHoldMailOverTheHourlyLimitOfAnAddressAndSendItTheNextHour() {
        smtpAnswers();
        String address = "busy-" + System.nanoTime() + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 11; i++) {
                outbox.mail(new OutgoingMail(address, "Mail " + i, "text " + i, "<p>" + i + "</p>", Map.of()));
            }
        });
        TestMail.await(address, 10);
        TestMail.settle();
        assertEquals(10, TestMail.to(address).size(), "comments.mail.max-per-hour is 10");
        JsonPath held = awaitRow(address, row -> "PENDING".equals(row.getString("status")));
        Instant next = Instant.parse(held.getString("nextAttemptAt"));
        assertTrue(next.isAfter(Instant.now().plus(Duration.ofMinutes(59))), "it waits for the hour: " + next);
        assertEquals(0, held.getInt("attempts"), "waiting for room is no failed attempt: " + held.prettify());

        TestClock.runAhead(Duration.ofMinutes(61), () -> TestMail.await(address, 11));
        TestMail.settle();
        List<String> subjects = TestMail.to(address).stream().map(TestMail::subject).sorted().toList();
        assertEquals(List.of("Mail 0", "Mail 1", "Mail 10", "Mail 2", "Mail 3", "Mail 4", "Mail 5", "Mail 6",
                "Mail 7", "Mail 8", "Mail 9"), subjects, "every mail once, none dropped");
        Object[] rows = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select count(*), min(attempts), max(attempts) from outbox where recipient = ?1 and status = 'SENT'")
                .setParameter(1, address).getSingleResult());
        assertEquals(List.of(11L, 1L, 1L), List.of(((Number) rows[0]).longValue(), ((Number) rows[1]).longValue(),
                ((Number) rows[2]).longValue()), "all sent, each at its first attempt");
    }

    /**
     * Waits until a mail goes through: after another test took the SMTP server away and back, the mailer's first
     * conversation has been seen to hang until its timeout ({@code %test.quarkus.mailer.timeout}) and be retried,
     * which would blur what a test counts.
     */
    private void smtpAnswers() {
        String probe = "probe-" + System.nanoTime() + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> outbox.mail(new OutgoingMail(probe, "Probe", "text",
                "<p>html</p>", Map.of())));
        MimeMessage arrived = TestMail.await(probe, 1).get(0);
        assertEquals("Probe", TestMail.subject(arrived));
    }

    /** The newest outbox row to this address, once it matches (at most 30 s), as admins see it. */
    private static JsonPath awaitRow(String address, Predicate<JsonPath> condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (String status : new String[]{"PENDING", "FAILED", "SENT"}) {
                JsonPath page = admin().queryParam("status", status).queryParam("limit", 200)
                        .get("/api/admin/outbox").then().statusCode(200).extract().jsonPath();
                Map<String, Object> row = page.getMap("items.find { it.recipient == '" + address + "' }");
                if (row != null) {
                    JsonPath found = new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper()
                            .valueToTree(row).toString());
                    if (condition.test(found)) {
                        return found;
                    }
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no outbox row to " + address + " as expected");
    }
}
