package news.comments.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Only the origins in {@code comments.cors.origins} (https://allowed.example in the test profile) may embed. */
@QuarkusTest
class CorsTest {

    private static final String ALLOWED = "https://allowed.example";
    private static final String OTHER = "https://other.example";

    @Test
    void shouldLetAnAllowedOriginReadTheThread() {
        given().header("Origin", ALLOWED).get("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Credentials", equalTo("false"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void shouldAnswerThePreflightOfAPostFromAnAllowedOrigin() {
        given().header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("content-type"));
    }

    @Test
    void shouldAnswerThePreflightOfAnAuthorsEditAndDeletion() {
        for (String method : new String[]{"PATCH", "DELETE"}) {
            given().header("Origin", ALLOWED)
                    .header("Access-Control-Request-Method", method)
                    .header("Access-Control-Request-Headers", "content-type,comment-token")
                    .options("/api/comments/{id}", 1).then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                    .header("Access-Control-Allow-Methods", containsString(method))
                    .header("Access-Control-Allow-Headers", containsStringIgnoringCase("comment-token"));
        }
    }

    @Test
    void shouldLetAnAllowedOriginPostAComment() {
        Map<String, Object> comment = validComment();
        reader().header("Origin", ALLOWED).body(comment).post("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(201)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED));
    }

    @Test
    void shouldGiveAnotherOriginNoAllowOriginHeader() {
        given().header("Origin", OTHER).get("/api/articles/{a}/comments", newArticleId()).then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", OTHER)
                .header("Access-Control-Request-Method", "POST")
                .options("/api/articles/{a}/comments", newArticleId()).then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldStoreNothingWhenAnotherOriginPosts() {
        String article = newArticleId();
        reader().header("Origin", OTHER).body(validComment()).post("/api/articles/{a}/comments", article).then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth().preemptive().basic("admin", "admin-password").queryParam("articleId", article)
                .get("/api/moderation/queue").then()
                .body("comments.size()", equalTo(0));
    }

    @Test
    void shouldServeTheServicesOwnPagesWithoutListingTheirOrigin() {
        // the browser sends Origin on a same-origin POST; the demo page and the console must keep working
        String self = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        reader().header("Origin", self).body(validComment()).post("/api/articles/{a}/comments", newArticleId())
                .then().statusCode(201);
    }
}
