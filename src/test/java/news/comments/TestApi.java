package news.comments;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shared steps of the API tests: fresh article ids, a valid comment, and requests as reader, moderator or admin.
 * Every test makes its own data through the API, so tests run in any order.
 */
public final class TestApi {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password";
    public static final String MODERATOR = "test-moderator";
    public static final String MODERATOR_PASSWORD = "moderator-password";

    private static final AtomicBoolean MODERATOR_CREATED = new AtomicBoolean();

    private TestApi() {
    }

    public static String newArticleId() {
        return "test-" + UUID.randomUUID();
    }

    /** A comment that passes every rule; callers change what their test is about. */
    public static Map<String, Object> validComment() {
        Map<String, Object> comment = new HashMap<>();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        comment.put("authorName", "Reader " + unique);
        comment.put("authorEmail", "reader-" + unique + "@example.org");
        comment.put("body", "A thoughtful remark " + unique);
        return comment;
    }

    public static RequestSpecification reader() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return RestAssured.given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType(ContentType.JSON);
    }

    public static RequestSpecification moderator() {
        if (MODERATOR_CREATED.compareAndSet(false, true)) {
            admin().body(Map.of("username", MODERATOR, "password", MODERATOR_PASSWORD, "role", "moderator"))
                    .post("/api/admin/users");
        }
        return RestAssured.given().auth().preemptive().basic(MODERATOR, MODERATOR_PASSWORD)
                .contentType(ContentType.JSON);
    }

    public static ValidatableResponse post(String articleId, Map<String, Object> comment) {
        return reader().body(comment).post("/api/articles/{a}/comments", articleId).then();
    }

    /** Posts as a reader connecting from {@code ip} (the test profile trusts X-Forwarded-For from localhost). */
    public static ValidatableResponse postFrom(String ip, String articleId, Map<String, Object> comment) {
        return reader().header("X-Forwarded-For", ip).body(comment).post("/api/articles/{a}/comments", articleId)
                .then();
    }

    /** A random address in TEST-NET-2, so each test's reader is a stranger to the flood and report limits. */
    public static String randomIp() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** Creates an article in the given moderation mode. */
    public static String article(String moderation) {
        String articleId = newArticleId();
        admin().body(Map.of("moderation", moderation, "commentsOpen", true)).put("/api/admin/articles/{a}", articleId)
                .then().statusCode(201);
        return articleId;
    }

    /** The moderation view of a comment. */
    public static io.restassured.path.json.JsonPath moderation(long id) {
        return moderator().get("/api/moderation/comments/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** Posts a valid comment and answers its id. */
    public static long postComment(String articleId, Map<String, Object> comment) {
        return post(articleId, comment).statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long postComment(String articleId) {
        return postComment(articleId, validComment());
    }

    public static void approve(long id) {
        moderator().post("/api/moderation/comments/{id}/approve", id).then().statusCode(200);
    }

    /** Posts and approves a comment, answering its id. */
    public static long publishedComment(String articleId, Map<String, Object> comment) {
        long id = postComment(articleId, comment);
        approve(id);
        return id;
    }

    /**
     * Waits until the learned filter has learned every decision made so far (it learns them after their commit, in
     * the background): {@code waiting} of {@code GET /api/admin/filter} is 0. Fails after 30 s.
     */
    public static void awaitFilterLearned() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (admin().get("/api/admin/filter").then().statusCode(200).extract().jsonPath().getLong("waiting") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the learned filter still has decisions waiting after 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the learned filter", e);
            }
        }
    }
}
