package news.comments.comment;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A retried POST with the same Idempotency-Key gets the first answer and stores nothing twice. */
@QuarkusTest
class IdempotencyKeyTest {

    private static io.restassured.response.ValidatableResponse post(String article, String key,
                                                                    Map<String, Object> comment) {
        return reader().header("Idempotency-Key", key).body(comment).post("/api/articles/{a}/comments", article)
                .then();
    }

    private static void stored(String article, int expected) {
        moderator().queryParam("articleId", article).get("/api/moderation/queue").then()
                .body("comments", hasSize(expected));
    }

    @Test
    void shouldAnswerARetryWithTheFirstAnswer() {
        String article = article("PRE");
        Map<String, Object> comment = validComment();
        String key = "retry-" + System.nanoTime();
        var first = post(article, key, comment).statusCode(201).extract();
        var again = post(article, key, comment).statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.jsonPath().getLong("id"), again.jsonPath().getLong("id"));
        assertEquals(first.jsonPath().getString("createdAt"), again.jsonPath().getString("createdAt"));
        assertEquals("PENDING", again.jsonPath().getString("status"));
        stored(article, 1);
    }

    @Test
    void shouldReplayEvenWhereTheFloodRuleWouldRefuse() {
        news.comments.TestSettings.with(s -> s.put("floodSeconds", 30), () -> {
            String article = article("PRE");
            Map<String, Object> comment = validComment();
            String key = "flood-" + System.nanoTime();
            long id = post(article, key, comment).statusCode(201).extract().jsonPath().getLong("id");
            post(article, key, comment).statusCode(201).body("id", equalTo((int) id));
            stored(article, 1);
        });
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBodyWith422() {
        String article = article("PRE");
        String key = "other-body-" + System.nanoTime();
        Map<String, Object> comment = validComment();
        post(article, key, comment).statusCode(201);
        Map<String, Object> changed = new java.util.HashMap<>(comment);
        changed.put("body", "Something else entirely");
        post(article, key, changed).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"));
        stored(article, 1);
    }

    @Test
    void shouldKeepKeysApartPerArticle() {
        String key = "per-article-" + System.nanoTime();
        Map<String, Object> comment = validComment();
        long one = post(article("PRE"), key, comment).statusCode(201).extract().jsonPath().getLong("id");
        long two = post(article("PRE"), key, comment).statusCode(201).extract().jsonPath().getLong("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(one, two);
    }

    @Test
    void shouldStoreOneCommentForSimultaneousTwins() throws Exception {
        String article = article("PRE");
        Map<String, Object> comment = validComment();
        String key = "twins-" + System.nanoTime();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<io.restassured.response.ExtractableResponse<io.restassured.response.Response>>> results =
                    new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return post(article, key, comment).extract();
                }));
            }
            start.countDown();
            Set<Long> ids = new HashSet<>();
            for (var result : results) {
                assertEquals(201, result.get().statusCode(), result.get().asString());
                ids.add(result.get().jsonPath().getLong("id"));
            }
            assertEquals(1, ids.size());
            stored(article, 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldForgetKeysAfterTheirLifetime() {
        String article = article("PRE");
        Map<String, Object> comment = validComment();
        String key = "expiring-" + System.nanoTime();
        post(article, key, comment).statusCode(201);
        // a day later the key is new again, so the same comment meets the duplicate rule instead of a replay
        news.comments.TestClock.runAhead(Duration.ofHours(24).plusMinutes(1),
                () -> post(article, key, comment).statusCode(409));
    }

    @Test
    void shouldRefuseMalformedKeys() {
        String article = article("PRE");
        post(article, "k".repeat(256), validComment()).statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        post(article, "has space", validComment()).statusCode(400);
        post(article, "k".repeat(255), validComment()).statusCode(201);
        stored(article, 1);
    }
}
