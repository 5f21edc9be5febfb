package news.comments.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** {@code GET /api/comment-counts}: approved counts of many articles at once. */
@QuarkusTest
class CommentCountsTest {

    @Test
    void shouldCountApprovedCommentsOfEachArticleInTheOrderAsked() {
        String busy = newArticleId();
        String quiet = newArticleId();
        String unknown = newArticleId();
        publishedComment(busy, validComment());
        publishedComment(busy, validComment());
        postComment(busy);
        postComment(quiet);
        reader().queryParam("articleId", quiet, busy, unknown, busy).get("/api/comment-counts").then()
                .statusCode(200)
                .body("counts.keySet()", contains(quiet, busy, unknown))
                .body("counts." + quote(busy), equalTo(2))
                .body("counts." + quote(quiet), equalTo(0))
                .body("counts." + quote(unknown), equalTo(0));
    }

    @Test
    void shouldTakeAHundredLongIdsAndRefuseAHundredAndOne() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(newArticleId() + "-" + "x".repeat(150));
        }
        withIds(ids).get("/api/comment-counts").then().statusCode(200).body("counts.size()", equalTo(100));
        ids.add(newArticleId());
        withIds(ids).get("/api/comment-counts").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("articleId"));
    }

    @Test
    void shouldRefuseNoIdsAndInvalidIds() {
        reader().get("/api/comment-counts").then()
                .statusCode(400).body("violations[0].field", equalTo("articleId"));
        reader().queryParam("articleId", newArticleId(), "not valid!").get("/api/comment-counts").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("articleId"));
        reader().queryParam("articleId", "").get("/api/comment-counts").then().statusCode(400);
    }

    private static RequestSpecification withIds(List<String> ids) {
        return reader().queryParam("articleId", ids);
    }

    /** GPath needs quotes around keys with dashes. */
    private static String quote(String key) {
        return "'" + key + "'";
    }
}
