package news.comments.privacy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.comments.TestApi;
import news.comments.TestClock;
import news.comments.TestSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderation;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.postFrom;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The strictest settings a newsroom may choose: erasure deletes ({@code comments.privacy.erase-mode=delete}), IPs
 * and user agents are kept for seconds ({@code comments.privacy.ip-retention=PT5S}), and authors cannot edit
 * ({@code comments.author.edit-window=PT0S}), though they can still delete.
 */
@QuarkusTest
@TestProfile(StrictSettingsTest.Strict.class)
class StrictSettingsTest {

    private static final Duration RETENTION = Duration.ofSeconds(5);

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a database of its own, as in ForwardedHeadersIgnoredTest: this profile starts another application
            return Map.of("%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:comments-strict;DB_CLOSE_DELAY=-1",
                    "comments.privacy.erase-mode", "delete",
                    "comments.privacy.ip-retention", "PT5S",
                    "comments.author.edit-window", "PT0S");
        }
    }

    @Inject
    EntityManager entityManager;
    @Inject
    OriginRetention retention;

    @Test
    void shouldDeleteTheCommentsOfAnErasedAddressAndLeaveNoTrace() {
        long webhook = admin().body(Map.of("url", "http://127.0.0.1:9/strict", "events",
                        List.of("comment.created", "comment.deleted", "comment.erased"), "includeAuthor", true))
                .post("/api/admin/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            String email = "Strict.Subject-" + UUID.randomUUID().toString().substring(0, 8) + "@Strict.example";
            String articleId = article("POST");
            Map<String, Object> comment = validComment();
            comment.put("authorEmail", email);
            comment.put("body", "Mail me at " + email);
            long published = postComment(articleId, comment);
            long pending = postComment(article("PRE"), byEmail(email));
            long[] spam = new long[1];
            TestSettings.with(s -> s.put("blockEmails", List.of(email)),
                    () -> spam[0] = postComment(articleId, byEmail(email)));
            assertTrue(StoredText.tablesNaming(entityManager, email).contains("OUTBOX.BODY_TEXT"));

            admin().body(Map.of("email", email)).post("/api/admin/commenters/erase").then().statusCode(200)
                    .body("comments", equalTo(3)).body("mode", equalTo("delete"));

            for (long id : new long[]{published, pending}) {
                JsonPath seen = moderation(id);
                assertEquals("DELETED", seen.getString("status"));
                assertEquals("", seen.getString("body"));
                assertEquals("Deleted commenter", seen.getString("authorName"));
                assertNull(seen.getString("authorEmail"));
            }
            // a decision against it stays, as for an author's delete; the text goes all the same
            assertEquals("SPAM", moderation(spam[0]).getString("status"));
            assertEquals("", moderation(spam[0]).getString("body"));
            reader().get("/api/articles/{a}/comments", articleId).then().statusCode(200)
                    .body("comments.id", not(hasItem((int) published))).body("total", equalTo(0));
            reader().get("/api/comments/{id}", published).then().statusCode(404);
            assertEquals(List.of(), StoredText.tablesNaming(entityManager, email), "the address is in no table");
            assertEquals(List.of("comment.deleted", "comment.erased"), StoredText.webhookCalls(entityManager,
                    webhook, published).stream().map(call -> call.getString("type")).toList());
            assertEquals(List.of("comment.erased"), StoredText.webhookCalls(entityManager, webhook, spam[0])
                    .stream().map(call -> call.getString("type")).toList());
        } finally {
            admin().delete("/api/admin/webhooks/{id}", webhook).then().statusCode(204);
        }
    }

    @Test
    void shouldRefuseEveryEditWhenTheWindowIsZeroAndStillLetTheAuthorDelete() {
        String articleId = article("POST");
        JsonPath answer = TestApi.post(articleId, validComment()).statusCode(201).body("editableUntil", nullValue())
                .extract().jsonPath();
        long id = answer.getLong("id");
        String token = answer.getString("editToken");

        reader().header("Comment-Token", token).get("/api/comments/{id}", id).then().statusCode(200)
                .body("editableUntil", nullValue());
        reader().header("Comment-Token", token).body(Map.of("body", "Changed at once"))
                .patch("/api/comments/{id}", id).then().statusCode(403)
                .body("type", equalTo("/problems/edit-window-closed"));
        reader().get("/api/comments/{id}", id).then().body("body", equalTo(answer.getString("body")));

        reader().header("Comment-Token", token).delete("/api/comments/{id}", id).then().statusCode(204);
        assertEquals("DELETED", moderation(id).getString("status"));
    }

    @Test
    void shouldClearOriginsAfterAShortRetentionAndKeepAnIpBanWorking() {
        String ip = TestApi.randomIp();
        String articleId = article("POST");
        JsonPath answer = reader().header("X-Forwarded-For", ip).header("User-Agent", "Strict/1.0")
                .body(validComment()).post("/api/articles/{a}/comments", articleId).then().statusCode(201)
                .extract().jsonPath();
        long id = answer.getLong("id");
        Instant expires = Instant.parse(answer.getString("createdAt")).plus(RETENTION);
        moderator().body(Map.of("reason", "troll", "banIp", true)).post("/api/moderation/comments/{id}/ban", id)
                .then().statusCode(201).body("ip", equalTo(ip));
        TestClock.runAhead(Duration.between(Instant.now(), expires.minusSeconds(1)), () -> retention.purge());
        assertEquals(ip, moderation(id).getString("ip"), "kept until the retention is over");

        TestClock.runAhead(Duration.between(Instant.now(), expires.plusSeconds(1)),
                () -> assertTrue(retention.purge() >= 1));

        JsonPath purged = moderation(id);
        assertNull(purged.getString("ip"));
        assertNull(purged.getString("userAgent"));
        // the ban kept its own copy of the IP: a new comment from it, by anyone, is still caught
        long again = postFrom(ip, articleId, validComment()).statusCode(201).extract().jsonPath().getLong("id");
        JsonPath caught = moderation(again);
        assertEquals("SPAM", caught.getString("status"));
        assertTrue(caught.getList("autoDecision.rules.name").contains("banned"), caught.prettify());
        TestApi.post(articleId, validComment()).statusCode(201).body("status", equalTo("APPROVED"));
    }

    private static Map<String, Object> byEmail(String email) {
        Map<String, Object> comment = validComment();
        comment.put("authorEmail", email);
        return comment;
    }
}
