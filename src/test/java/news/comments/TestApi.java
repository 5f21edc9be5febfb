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
}
