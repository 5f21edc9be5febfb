package news.comments.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The pages the service serves itself: the demo article, the reader embed and the moderator console. */
@QuarkusTest
class StaticPagesTest {

    @Test
    void shouldServeTheDemoArticleWithTheEmbed() {
        given().get("/").then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("North Korea-Russia arms deal inches closer"))
                .body(containsString("<script src=\"/embed/comments.js\" defer></script>"))
                .body(containsString("data-article-id=\"demo-north-korea-russia-arms-deal\""));
    }

    @Test
    void shouldServeTheEmbedsScriptAndStylesheet() {
        given().get("/embed/comments.js").then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("Leave a Comment"));
        given().get("/embed/comments.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void shouldSendModeratorsFromSlashModerationToTheConsole() {
        given().redirects().follow(false).get("/moderation").then()
                .statusCode(302)
                .header("Location", endsWith("/moderation/"));
        given().get("/moderation/").then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("Comment moderation"));
    }

    @Test
    void shouldLeaveTheApiWithoutThePagesPolicy() {
        given().get("/api/articles/{a}/comments", "any-article").then()
                .statusCode(200)
                .header("Content-Security-Policy", nullValue());
    }
}
