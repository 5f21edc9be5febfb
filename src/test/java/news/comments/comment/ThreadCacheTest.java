package news.comments.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The cached public thread: ETag, 304, Cache-Control, and eviction as soon as a change commits. */
@QuarkusTest
class ThreadCacheTest {

    private static final String STRONG_ETAG = "\"[A-Za-z0-9_-]{24}\"";

    @Test
    void shouldSendStrongEtagAndCacheControlAndTheUsualShape() {
        String article = newArticleId();
        long id = publishedComment(article, validComment());
        Response first = reader().get("/api/articles/{a}/comments", article);
        first.then().statusCode(200)
                .contentType("application/json")
                .header("ETag", matchesPattern(STRONG_ETAG))
                .header("Cache-Control", equalTo("public, max-age=5"))
                .body("keySet()", containsInAnyOrder("articleId", "total", "comments", "next"))
                .body("articleId", equalTo(article))
                .body("total", equalTo(1))
                .body("comments.id", contains((int) id));
        Response again = reader().get("/api/articles/{a}/comments", article);
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.asString(), again.asString());
        // another page of the same thread is another representation
        Response limited = reader().queryParam("limit", 1).get("/api/articles/{a}/comments", article);
        assertEquals(first.asString(), limited.asString());
    }

    @Test
    void shouldAnswer304WithoutBodyWhenIfNoneMatchMatches() {
        String article = newArticleId();
        publishedComment(article, validComment());
        String etag = reader().get("/api/articles/{a}/comments", article).header("ETag");
        for (String ifNoneMatch : new String[]{etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            reader().header("If-None-Match", ifNoneMatch).get("/api/articles/{a}/comments", article).then()
                    .statusCode(304)
                    .header("ETag", equalTo(etag))
                    .header("Cache-Control", equalTo("public, max-age=5"))
                    .body(emptyString());
        }
        reader().header("If-None-Match", "\"something-else\"").get("/api/articles/{a}/comments", article).then()
                .statusCode(200).header("ETag", equalTo(etag));
    }

    @Test
    void shouldShowANewApprovalAtOnceWithANewEtag() {
        String article = newArticleId();
        long first = publishedComment(article, validComment());
        String before = reader().get("/api/articles/{a}/comments", article).header("ETag");
        long pending = postComment(article);
        // a pending comment changes nothing public: still the same page
        reader().header("If-None-Match", before).get("/api/articles/{a}/comments", article).then().statusCode(304);

        moderator().post("/api/moderation/comments/{id}/approve", pending).then().statusCode(200);
        Response after = reader().header("If-None-Match", before).get("/api/articles/{a}/comments", article);
        after.then().statusCode(200)
                .body("total", equalTo(2))
                .body("comments.id", contains((int) first, (int) pending));
        assertNotEquals(before, after.header("ETag"));
    }

    @Test
    void shouldDropARejectedCommentAtOnceFromEveryPageOfTheThread() {
        String article = newArticleId();
        long first = publishedComment(article, validComment());
        long second = publishedComment(article, validComment());
        reader().get("/api/articles/{a}/comments", article).then().body("total", equalTo(2));
        reader().queryParam("limit", 1).get("/api/articles/{a}/comments", article).then()
                .body("comments.id", contains((int) first));

        moderator().post("/api/moderation/comments/{id}/reject", first).then().statusCode(200);
        reader().get("/api/articles/{a}/comments", article).then()
                .body("total", equalTo(1)).body("comments.id", contains((int) second));
        reader().queryParam("limit", 1).get("/api/articles/{a}/comments", article).then()
                .body("comments.id", contains((int) second));
    }

    @Test
    void shouldEvictThroughBulkDecisionsToo() {
        String article = newArticleId();
        long pending = postComment(article);
        reader().get("/api/articles/{a}/comments", article).then().body("total", equalTo(0));
        moderator().body(Map.of("action", "approve", "ids", java.util.List.of(pending)))
                .post("/api/moderation/bulk").then().statusCode(200);
        reader().get("/api/articles/{a}/comments", article).then().body("total", equalTo(1));
    }

    @Test
    void shouldKeepPersonalDataOutOfCachedPagesAndTheirHeaders() {
        String article = newArticleId();
        Map<String, Object> comment = validComment();
        comment.put("authorEmail", "cache.marker@privacy-marker.example");
        publishedComment(article, comment);
        Response miss = reader().get("/api/articles/{a}/comments", article);
        Response hit = reader().get("/api/articles/{a}/comments", article);
        Response notModified = reader().header("If-None-Match", hit.header("ETag"))
                .get("/api/articles/{a}/comments", article);
        for (Response response : new Response[]{miss, hit, notModified}) {
            String everything = (response.getHeaders() + "\n" + response.asString()).toLowerCase();
            assertFalse(everything.contains("privacy-marker"), everything);
            assertFalse(everything.contains("127.0.0.1"), everything);
        }
    }

    @Test
    void shouldNotCacheRefusals() {
        String article = newArticleId();
        reader().queryParam("after", "not-a-cursor!").get("/api/articles/{a}/comments", article).then()
                .statusCode(400).body("violations[0].field", equalTo("after"));
        reader().queryParam("after", "not-a-cursor!").get("/api/articles/{a}/comments", article).then()
                .statusCode(400);
        reader().get("/api/articles/{a}/comments", article).then().statusCode(200).body("total", equalTo(0));
    }
}
