package news.comments.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.reader;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Every failure is application/problem+json with a stable type, and never a 500 for the caller's mistake. */
@QuarkusTest
class ProblemResponsesTest {

    @Test
    void shouldAnswerUnknownApiRouteWith404Problem() {
        given().get("/api/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void shouldAnswerWrongMethodWith405Problem() {
        given().delete("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/method-not-allowed"));
    }

    @Test
    void shouldAnswerWrongContentTypeWith415Problem() {
        given().contentType(ContentType.TEXT).body("hello")
                .post("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"));
    }

    @Test
    void shouldAnswerMalformedJsonWith400Problem() {
        reader().body("{\"authorName\": \"Ada\", ").post("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"))
                .body(not(containsString("jackson")))
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldAnswerWrongJsonTypeWith400ProblemNamingTheField() {
        reader().body("{\"authorName\": \"Ada\", \"parentId\": \"abc\"}")
                .post("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("parentId"));
        reader().body("{\"authorName\": {\"nested\": true}}")
                .post("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(400)
                .body("violations[0].field", equalTo("authorName"));
        reader().body("[1, 2, 3]").post("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerOversizedBodyWith413Problem() {
        String huge = "{\"body\": \"" + "x".repeat(70 * 1024) + "\"}";
        reader().body(huge).post("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"));
    }

    @Test
    void shouldAnswerEmptyBodyWithValidationProblem() {
        reader().post("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerNonNumericCommentIdWith404Problem() {
        given().get("/api/comments/abc").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
