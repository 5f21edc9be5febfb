package news.comments.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.comments.outbox.Outbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.article;
import static news.comments.TestApi.postComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How webhook calls are delivered, seen from real receivers: calls go out in parallel and outside any database
 * transaction, so an endpoint that never answers holds at most {@code comments.webhooks.calls-per-endpoint} (2)
 * calls until its timeout ({@code %test} 10 s) while a healthy endpoint gets every call at once; and a call whose
 * sender died mid-call (its lease left to run out) is sent again, once the lease is over, with the same
 * {@code webhook-id}.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    WebhookService webhooks;

    private final List<Long> registered = new ArrayList<>();
    private final List<AutoCloseable> receivers = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        registered.forEach(id -> admin().delete("/api/admin/webhooks/{id}", id));
        for (AutoCloseable receiver : receivers) {
            receiver.close();
        }
    }

    private long register(String url, String event) {
        long id = admin().body(Map.of("url", url, "events", List.of(event))).post("/api/admin/webhooks").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        registered.add(id);
        return id;
    }

    @Test
    void shouldDeliverToAHealthyEndpointPromptlyWhileAnotherNeverAnswers() throws Exception {
        HangingReceiver hanging = new HangingReceiver();
        receivers.add(hanging);
        WebhookReceiver healthy = new WebhookReceiver();
        receivers.add(healthy);
        register(hanging.url(), "comment.created");
        register(healthy.url(), "comment.created");
        String articleId = article("PRE");

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(postComment(articleId));
        }
        Instant lastArrived = Instant.MIN;
        for (long id : ids) {
            WebhookReceiver.Call call = healthy.await(c -> JsonPath.from(c.body()).getLong("data.commentId") == id,
                    1).get(0);
            lastArrived = call.receivedAt().isAfter(lastArrived) ? call.receivedAt() : lastArrived;
        }

        // one after another, each healthy call would wait for a hanging one to time out
        Instant gaveUp = hanging.firstGivenUpAt();
        assertTrue(gaveUp == null || lastArrived.isBefore(gaveUp), "the healthy endpoint's last call came at "
                + lastArrived + ", after the first hanging call timed out at " + gaveUp);
        assertTrue(hanging.connections() >= 1, "the hanging endpoint was called");
        assertTrue(hanging.connections() <= 2, "at most calls-per-endpoint calls hang at once, not "
                + hanging.connections());
    }

    @Test
    void shouldSendACallAgainWithTheSameIdOnceTheLeaseOfADeadSenderIsOver() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        long webhookId = register(receiver.url(), "comment.spam");
        String eventId = "msg_lease" + System.nanoTime();
        String document = "{\"type\":\"comment.spam\",\"data\":{\"commentId\":-1,\"lease\":\"" + eventId + "\"}}";
        Instant leaseEnds = clock.instant().plusSeconds(5);
        // as a sender leaves it that claimed the call (counted its attempt, leased it) and died before its result
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.webhook(webhookId, receiver.url(), eventId, "comment.spam", document);
            entityManager.createNativeQuery("update outbox set attempts = 1, lease_until = ?2, next_attempt_at = ?2 "
                    + "where event_id = ?1").setParameter(1, eventId).setParameter(2, leaseEnds).executeUpdate();
        });

        WebhookReceiver.Call call = receiver.await(c -> c.body().contains(eventId), 1).get(0);

        assertTrue(!call.receivedAt().isBefore(leaseEnds), "sent at " + call.receivedAt()
                + ", before the lease was over at " + leaseEnds);
        assertEquals(eventId, call.header("webhook-id"));
        assertEquals(document, call.body());
        JsonPath delivery = awaitSent(webhookId, eventId);
        assertEquals(2, delivery.getInt("attempts"), "the dead sender's attempt counts");
        assertEquals(List.of(204), delivery.getList("attemptLog.statusCode"));
    }

    @Test
    void shouldFailCallsQueuedForAWebhookDeletedMeanwhile() {
        String eventId = "msg_orphan" + System.nanoTime();
        // as another instance queues it that still had the deleted webhook in its list
        QuarkusTransaction.requiringNew().run(() -> outbox.webhook(Long.MAX_VALUE - System.nanoTime() % 1000,
                "https://gone.example/hook", eventId, "comment.created", "{}"));

        assertTrue(webhooks.failCallsOfDeletedWebhooks() >= 1);

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select status, last_error from outbox where event_id = ?1").setParameter(1, eventId)
                .getSingleResult());
        assertEquals("FAILED", row[0]);
        assertEquals("webhook deleted", row[1]);
    }

    private static JsonPath awaitSent(long webhookId, String eventId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            JsonPath page = admin().get("/api/admin/webhooks/{id}/deliveries", webhookId).then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Object> row = page.getMap("deliveries.find { it.eventId == '" + eventId + "' }");
            if (row != null && "SENT".equals(row.get("status"))) {
                return new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(row).toString());
            }
            assertTrue(System.currentTimeMillis() < deadline, "the call was not settled as SENT: " + row);
            Thread.sleep(100);
        }
    }
}
