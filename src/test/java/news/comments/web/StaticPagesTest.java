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
                .body(containsString("data-article-id=\"demo-north-korea-russia-arms-deal\""))
                .body(containsString("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"));
    }

    @Test
    void shouldServeTheIconThePagesNameAndTheOneBrowsersAskFor() {
        given().get("/favicon.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"));
        given().get("/favicon.ico").then().statusCode(200).contentType(startsWith("image/x-icon"));
    }

    /**
     * The embed's classic entry imports its modules from the service's origin; on a news site's page that import is a
     * CORS request, which an allowed origin passes like the API's.
     */
    @Test
    void shouldServeTheEmbedsModulesToAnAllowedSite() {
        for (String module : new String[] {"/embed/section.js", "/embed/form.js", "/embed/thread.js",
            "/embed/service.js", "/shared/dom.js", "/shared/format.js", "/shared/http.js"}) {
            given().header("Origin", "https://allowed.example").get(module).then()
                    .statusCode(200)
                    .contentType(containsString("javascript"))
                    .header("Access-Control-Allow-Origin", "https://allowed.example")
                    .body(containsString("export "));
        }
        given().get("/embed/comments.js").then().body(containsString("import(new URL('section.js', scriptUrl)"));
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
                .body(containsString("Comment moderation"))
                .body(containsString("<script type=\"module\" src=\"console.js\"></script>"));
        given().get("/moderation/console.js").then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("from './signin.js';"));
    }

    @Test
    void shouldLeaveTheApiWithoutThePagesPolicy() {
        given().get("/api/articles/{a}/comments", "any-article").then()
                .statusCode(200)
                .header("Content-Security-Policy", nullValue());
    }
}
