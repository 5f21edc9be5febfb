package news.comments.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.randomIp;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks as a receiver sees them: a real HTTP server on 127.0.0.1 gets signed calls for posting, decisions and
 * reports, verified twice: by the Standard Webhooks reference library for Java ({@code com.standardwebhooks:
 * standardwebhooks}, test scope), as receivers will, and by {@link SpecVerifier}, written from the specification's
 * text, which also checks that a changed body fails; a 500 is retried with the same message id; the author's email,
 * IP and user agent travel only to an endpoint that asked.
 */
@QuarkusTest
class WebhookTest {

    private static final String EMAIL = "Hook.Marker+secret@hook-marker.example";
    private static final String IP = "203.0.113.91";
    private static final String AGENT = "HookMarkerAgent/1.0";

    private WebhookReceiver receiver;
    private final List<Long> registered = new java.util.ArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        registered.forEach(id -> admin().delete("/api/admin/webhooks/{id}", id));
        receiver.close();
    }

    private JsonPath register(List<String> events, boolean includeAuthor) {
        JsonPath webhook = admin().body(Map.of("url", receiver.url(), "events", events, "includeAuthor", includeAuthor))
                .post("/api/admin/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("url", equalTo(receiver.url()))
                .extract().jsonPath();
        registered.add(webhook.getLong("id"));
        return webhook;
    }

    private static long postMarked(String articleId) {
        Map<String, Object> comment = validComment();
        comment.put("authorEmail", EMAIL);
        return reader().header("X-Forwarded-For", IP).header("User-Agent", AGENT).body(comment)
                .post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static boolean about(WebhookReceiver.Call call, long commentId, String type) {
        JsonPath body = JsonPath.from(call.body());
        return type.equals(body.getString("type")) && body.getLong("data.commentId") == commentId;
    }

    @Test
    void shouldSignEveryEventAsTheSpecificationSaysAndCarryNoPersonalData() throws Exception {
        JsonPath webhook = register(List.of("comment.created", "comment.published", "comment.rejected",
                "comment.spam", "comment.reported"), false);
        String secret = webhook.getString("secret");
        String articleId = article("PRE");

        long held = postMarked(articleId);
        moderator().post("/api/moderation/comments/{id}/approve", held).then().statusCode(200);
        reader().header("X-Forwarded-For", randomIp()).body(Map.of("reason", "abuse"))
                .post("/api/comments/{id}/reports", held).then().statusCode(202);
        long rejected = postComment(articleId);
        moderator().post("/api/moderation/comments/{id}/reject", rejected).then().statusCode(200);
        long spam = postComment(articleId);
        moderator().post("/api/moderation/comments/{id}/spam", spam).then().statusCode(200);

        WebhookReceiver.Call created = receiver.await(c -> about(c, held, "comment.created"), 1).get(0);
        WebhookReceiver.Call published = receiver.await(c -> about(c, held, "comment.published"), 1).get(0);
        WebhookReceiver.Call reported = receiver.await(c -> about(c, held, "comment.reported"), 1).get(0);
        receiver.await(c -> about(c, rejected, "comment.rejected"), 1);
        receiver.await(c -> about(c, spam, "comment.spam"), 1);

        for (WebhookReceiver.Call call : receiver.calls()) {
            assertVerifiedByTheReferenceLibrary(secret, call);
            assertTrue(SpecVerifier.verify(secret, call.header("webhook-id"), call.header("webhook-timestamp"),
                    call.header("webhook-signature"), call.body()), "signature of " + call.body());
            assertFalse(SpecVerifier.verify(secret, call.header("webhook-id"), call.header("webhook-timestamp"),
                    call.header("webhook-signature"), call.body() + " "), "a changed body must not verify");
            String lower = call.body().toLowerCase(java.util.Locale.ROOT);
            assertFalse(lower.contains(EMAIL.toLowerCase(java.util.Locale.ROOT)), call.body());
            assertFalse(lower.contains(IP), call.body());
            assertFalse(lower.contains(AGENT.toLowerCase(java.util.Locale.ROOT)), call.body());
            assertTrue(call.header("webhook-id").startsWith("msg_"));
            assertEquals("application/json", call.header("content-type"));
        }
        JsonPath createdBody = JsonPath.from(created.body());
        assertEquals(articleId, createdBody.getString("data.articleId"));
        assertEquals("PENDING", createdBody.getString("data.status"));
        assertEquals(held, createdBody.getLong("data.comment.id"));
        assertNull(createdBody.get("data.author"));
        JsonPath publishedBody = JsonPath.from(published.body());
        assertEquals("APPROVED", publishedBody.getString("data.status"));
        assertEquals("PENDING", publishedBody.getString("data.previousStatus"));
        assertEquals("moderator", publishedBody.getString("data.by"));
        assertEquals("abuse", JsonPath.from(reported.body()).getString("data.report.reason"));
        assertFalse(created.header("webhook-id").equals(published.header("webhook-id")));
    }

    /** The reference library's check, as a receiver calls it with the request's headers and raw body. */
    private static void assertVerifiedByTheReferenceLibrary(String secret, WebhookReceiver.Call call)
            throws Exception {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        call.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        new com.standardwebhooks.Webhook(secret).verify(call.body(), headers);
        org.junit.jupiter.api.Assertions.assertThrows(
                com.standardwebhooks.exceptions.WebhookVerificationException.class,
                () -> new com.standardwebhooks.Webhook(secret).verify(call.body() + " ", headers),
                "a changed body must not verify");
    }

    @Test
    void shouldRetryAfterA500WithTheSameMessageIdAndShowTheAttempts() {
        JsonPath webhook = register(List.of("comment.created"), false);
        receiver.answer(500);
        long id = postComment(article("PRE"));

        List<WebhookReceiver.Call> calls = receiver.await(c -> about(c, id, "comment.created"), 2);
        assertEquals(calls.get(0).header("webhook-id"), calls.get(1).header("webhook-id"));
        assertEquals(calls.get(0).body(), calls.get(1).body());

        long deadline = System.currentTimeMillis() + 10_000;
        JsonPath deliveries;
        do {
            deliveries = admin().get("/api/admin/webhooks/{id}/deliveries", webhook.getLong("id")).then()
                    .statusCode(200).extract().jsonPath();
        } while (!"SENT".equals(deliveries.getString("deliveries[0].status"))
                && System.currentTimeMillis() < deadline);
        assertEquals("SENT", deliveries.getString("deliveries[0].status"));
        assertEquals("comment.created", deliveries.getString("deliveries[0].type"));
        assertEquals(calls.get(0).header("webhook-id"), deliveries.getString("deliveries[0].eventId"));
        assertEquals(2, deliveries.getInt("deliveries[0].attempts"));
        assertEquals(204, deliveries.getInt("deliveries[0].lastStatusCode"));
        assertEquals(List.of(204, 500), deliveries.getList("deliveries[0].attemptLog.statusCode"));
    }

    @Test
    void shouldCarryTheAuthorOnlyToAnEndpointThatAskedForIt() {
        register(List.of("comment.created"), true);
        long id = postMarked(article("PRE"));

        JsonPath body = JsonPath.from(receiver.await(c -> about(c, id, "comment.created"), 1).get(0).body());
        assertEquals(EMAIL, body.getString("data.author.email"));
        assertEquals(IP, body.getString("data.author.ip"));
        assertEquals(AGENT, body.getString("data.author.userAgent"));
    }

    @Test
    void shouldAnnounceAnAuthorsEditAndDeletionSignedAndWithoutPersonalData() throws Exception {
        String secret = register(List.of("comment.edited", "comment.deleted"), false).getString("secret");
        Map<String, Object> comment = validComment();
        comment.put("authorEmail", EMAIL);
        JsonPath posted = reader().header("X-Forwarded-For", IP).header("User-Agent", AGENT).body(comment)
                .post("/api/articles/{a}/comments", article("POST")).then().statusCode(201).extract().jsonPath();
        long id = posted.getLong("id");
        String token = posted.getString("editToken");

        reader().header("Comment-Token", token).body(Map.of("body", "Corrected: the bridge closes in May."))
                .patch("/api/comments/{id}", id).then().statusCode(200);
        WebhookReceiver.Call edited = receiver.await(c -> about(c, id, "comment.edited"), 1).get(0);
        reader().header("Comment-Token", token).delete("/api/comments/{id}", id).then().statusCode(204);
        WebhookReceiver.Call deleted = receiver.await(c -> about(c, id, "comment.deleted"), 1).get(0);

        JsonPath editedBody = JsonPath.from(edited.body());
        assertEquals("author", editedBody.getString("data.by"));
        assertEquals("Corrected: the bridge closes in May.", editedBody.getString("data.comment.body"));
        JsonPath deletedBody = JsonPath.from(deleted.body());
        assertEquals("DELETED", deletedBody.getString("data.status"));
        assertEquals("author", deletedBody.getString("data.by"));
        for (WebhookReceiver.Call call : List.of(edited, deleted)) {
            assertVerifiedByTheReferenceLibrary(secret, call);
            assertTrue(SpecVerifier.verify(secret, call.header("webhook-id"), call.header("webhook-timestamp"),
                    call.header("webhook-signature"), call.body()), "signature of " + call.body());
            String lower = call.body().toLowerCase(java.util.Locale.ROOT);
            assertFalse(lower.contains(EMAIL.toLowerCase(java.util.Locale.ROOT)), call.body());
            assertFalse(lower.contains(IP), call.body());
            assertFalse(lower.contains(AGENT.toLowerCase(java.util.Locale.ROOT)), call.body());
        }
        assertEquals(2, receiver.calls().stream().filter(c -> JsonPath.from(c.body()).getLong("data.commentId") == id)
                .count(), "one call per change, and none for the posting the endpoint did not ask for");
    }

    @Test
    void shouldSendNothingForImportedComments() throws Exception {
        register(List.of("comment.created", "comment.published", "comment.spam"), true);
        String file = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
                <wp:base_site_url>https://quiet.example</wp:base_site_url>
                <item><title>Quiet</title><wp:post_id>1</wp:post_id><wp:post_name>quiet-import</wp:post_name>
                <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Old reader</wp:comment_author>
                <wp:comment_author_email>old@quiet.example</wp:comment_author_email>
                <wp:comment_date_gmt>2020-01-01 10:00:00</wp:comment_date_gmt>
                <wp:comment_content>Imported quietly</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
                </wp:comment></item></channel></rss>
                """;
        long job = admin().contentType("application/xml").body(file).post("/api/admin/imports?format=wxr").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        long deadline = System.currentTimeMillis() + 20_000;
        while (!"DONE".equals(admin().get("/api/admin/imports/{id}", job).jsonPath().getString("status"))) {
            assertTrue(System.currentTimeMillis() < deadline, "import did not finish");
            Thread.sleep(100);
        }
        long posted = postComment(article("POST"));
        receiver.await(c -> about(c, posted, "comment.published"), 1);
        assertTrue(receiver.calls().stream().noneMatch(c -> c.body().contains("quiet-import")),
                "an imported comment announced itself");
    }

    @Test
    void shouldListShowAndDeleteWithoutShowingTheSecretAgain() {
        long id = register(List.of("comment.spam"), false).getLong("id");

        admin().get("/api/admin/webhooks/{id}", id).then().statusCode(200)
                .body("events", equalTo(List.of("comment.spam"))).body("includeAuthor", equalTo(false))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));
        admin().get("/api/admin/webhooks").then().statusCode(200).body("id", hasItem((int) id));
        moderator().get("/api/admin/webhooks").then().statusCode(403);
        admin().delete("/api/admin/webhooks/{id}", id).then().statusCode(204);
        admin().get("/api/admin/webhooks/{id}", id).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void shouldRefuseBadUrlsAndUnknownEventsWithViolations() {
        admin().body(Map.of("url", "ftp://hooks.example/x", "events", List.of("comment.created")))
                .post("/api/admin/webhooks").then().statusCode(400)
                .body("type", equalTo("/problems/validation")).body("violations[0].field", equalTo("url"));
        admin().body(Map.of("url", "https://hooks.example/x", "events", List.of("comment.liked")))
                .post("/api/admin/webhooks").then().statusCode(400).body("violations[0].field", equalTo("events"));
        admin().body(Map.of("url", "https://hooks.example/x")).post("/api/admin/webhooks").then().statusCode(400)
                .body("violations[0].field", equalTo("events"));
    }

    @Test
    void shouldMapChangesToEvents() {
        news.comments.comment.Actor author = news.comments.comment.Actor.AUTHOR;
        news.comments.comment.Actor mod = news.comments.comment.Actor.moderator("m");
        assertEquals(List.of(WebhookEvent.CREATED, WebhookEvent.PUBLISHED), WebhookEvents.events(change(null,
                "APPROVED", news.comments.comment.Actor.SYSTEM)));
        assertEquals(List.of(), WebhookEvents.events(change(null, "UNVERIFIED", news.comments.comment.Actor.SYSTEM)));
        assertEquals(List.of(WebhookEvent.CREATED), WebhookEvents.events(change("UNVERIFIED", "PENDING",
                news.comments.comment.Actor.SYSTEM)));
        assertEquals(List.of(WebhookEvent.REJECTED), WebhookEvents.events(change("PENDING", "REJECTED", mod)));
        assertEquals(List.of(WebhookEvent.EDITED), WebhookEvents.events(change("APPROVED", "APPROVED", author)));
        assertEquals(List.of(WebhookEvent.EDITED), WebhookEvents.events(change("APPROVED", "PENDING", author)));
        assertEquals(List.of(WebhookEvent.DELETED), WebhookEvents.events(change("APPROVED", "DELETED", author)));
        assertEquals(List.of(), WebhookEvents.events(change("APPROVED", "PENDING",
                news.comments.comment.Actor.SYSTEM)));
        assertEquals(List.of(), WebhookEvents.events(new news.comments.comment.CommentChanged("a", 1,
                news.comments.comment.CommentChanged.Kind.DISCARDED, news.comments.comment.CommentStatus.UNVERIFIED,
                news.comments.comment.CommentStatus.DELETED, news.comments.comment.Actor.SYSTEM, null, false, false)),
                "a comment that waited for its address and was never confirmed was never announced");
    }

    private static news.comments.comment.CommentChanged change(String from, String to,
                                                               news.comments.comment.Actor by) {
        return new news.comments.comment.CommentChanged("a", 1, null, from == null ? null
                : news.comments.comment.CommentStatus.valueOf(from),
                news.comments.comment.CommentStatus.valueOf(to), by, null, false, false);
    }
}
