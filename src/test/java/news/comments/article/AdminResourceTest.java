package news.comments.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.post;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The admin door: articles (open or closed) and moderator accounts. */
@QuarkusTest
class AdminResourceTest {

    @Test
    void shouldCreateThenUpdateArticle() {
        String article = newArticleId();
        admin().body(Map.of("title", "North Korea-Russia arms deal inches closer",
                        "url", "https://news.example/world/arms-deal", "commentsOpen", true))
                .put("/api/admin/articles/{a}", article).then()
                .statusCode(201)
                .body("articleId", equalTo(article))
                .body("title", equalTo("North Korea-Russia arms deal inches closer"))
                .body("commentsOpen", equalTo(true))
                .body("comments.PENDING", equalTo(0));
        admin().body(Map.of("title", "Updated", "commentsOpen", false))
                .put("/api/admin/articles/{a}", article).then()
                .statusCode(200)
                .body("title", equalTo("Updated"))
                .body("url", nullValue())
                .body("commentsOpen", equalTo(false));
    }

    @Test
    void shouldRefusePostingWith403WhenCommentsAreClosedAndStoreNothing() {
        String article = newArticleId();
        admin().body(Map.of("commentsOpen", false)).put("/api/admin/articles/{a}", article).then().statusCode(201);
        post(article, validComment()).statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/comments-closed"));
        admin().get("/api/admin/articles?limit=500").then()
                .body("articles.find { it.articleId == '" + article + "' }.comments.PENDING", equalTo(0));
    }

    @Test
    void shouldCountCommentsPerStatusInTheArticleList() {
        String article = "aaaa-" + UUID.randomUUID();
        postComment(article);
        long approved = postComment(article);
        moderator().post("/api/moderation/comments/{id}/approve", approved).then().statusCode(200);
        admin().queryParam("limit", 500).get("/api/admin/articles").then()
                .statusCode(200)
                .body("articles.find { it.articleId == '" + article + "' }.comments.PENDING", equalTo(1))
                .body("articles.find { it.articleId == '" + article + "' }.comments.APPROVED", equalTo(1))
                .body("articles.find { it.articleId == '" + article + "' }.comments.SPAM", equalTo(0));
    }

    @Test
    void shouldRefuseInvalidArticleSettings() {
        admin().body(Map.of("url", "javascript:alert(1)", "title", "t".repeat(301)))
                .put("/api/admin/articles/{a}", newArticleId()).then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("url", "title"));
        admin().body(Map.of("commentsOpen", "sometimes")).put("/api/admin/articles/{a}", newArticleId()).then()
                .statusCode(400);
    }

    @Test
    void shouldManageModeratorAccountsWithHashedPasswords() {
        String username = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("username", username, "password", "correct horse battery", "role", "moderator"))
                .post("/api/admin/users").then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/admin/users/" + username))
                .body("username", equalTo(username))
                .body("role", equalTo("moderator"))
                .body("password", nullValue());
        admin().get("/api/admin/users").then()
                .statusCode(200)
                .body("username", hasItem(username))
                .body(not(org.hamcrest.Matchers.containsString("$2a$")))
                .body(not(org.hamcrest.Matchers.containsString("correct horse")));
        RestAssured.given().auth().preemptive().basic(username, "correct horse battery")
                .get("/api/moderation/queue").then().statusCode(200);
        admin().body(Map.of("username", username, "password", "another password", "role", "moderator"))
                .post("/api/admin/users").then().statusCode(409);
        admin().delete("/api/admin/users/{u}", username).then().statusCode(204);
        RestAssured.given().auth().preemptive().basic(username, "correct horse battery")
                .get("/api/moderation/queue").then().statusCode(401);
        admin().delete("/api/admin/users/{u}", username).then().statusCode(404);
    }

    @Test
    void shouldRefuseWeakPasswordsUnknownRolesAndBadUsernames() {
        admin().body(Map.of("username", "x", "password", "short", "role", "owner"))
                .post("/api/admin/users").then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("username", "password", "role"));
        admin().body(Map.of("username", "long-password", "password", "p".repeat(73), "role", "moderator"))
                .post("/api/admin/users").then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("password"));
    }

    @Test
    void shouldRefuseTheNamesOfTheServicesOwnActorsForAccounts() {
        for (String name : java.util.List.of("system", "Import", "AUTHOR")) {
            admin().body(Map.of("username", name, "password", "correct horse battery", "role", "moderator"))
                    .post("/api/admin/users").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/validation"))
                    .body("violations.field", org.hamcrest.Matchers.contains("username"));
        }
        admin().get("/api/admin/users").then().statusCode(200).body("username", not(hasItem("system")));
    }

    @Test
    void shouldPageArticlesWithOpaqueCursorsAndRefuseOneItDidNotGiveOut() {
        String first = "page-" + UUID.randomUUID();
        String second = first + "-b";
        for (String article : java.util.List.of(first, second)) {
            admin().body(Map.of("commentsOpen", true)).put("/api/admin/articles/{a}", article).then().statusCode(201);
        }
        String afterFirst = admin().queryParam("limit", 1)
                .queryParam("after", news.comments.web.Cursor.encodeKey(first.substring(0, first.length() - 1)))
                .get("/api/admin/articles").then().statusCode(200)
                .body("articles[0].articleId", equalTo(first)).extract().path("next");

        admin().queryParam("limit", 1).queryParam("after", afterFirst).get("/api/admin/articles").then()
                .statusCode(200).body("articles[0].articleId", equalTo(second));
        admin().queryParam("after", "not a cursor!").get("/api/admin/articles").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("after"));
    }

    @Test
    void shouldKeepTheLastAdmin() {
        admin().delete("/api/admin/users/{u}", "admin").then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void shouldKeepModeratorsOutOfTheAdminDoor() {
        moderator().body(Map.of("username", "sneaky", "password", "0123456789ab", "role", "admin"))
                .post("/api/admin/users").then().statusCode(403);
        moderator().body(Map.of("commentsOpen", false)).put("/api/admin/articles/{a}", newArticleId())
                .then().statusCode(403);
        RestAssured.given().get("/api/admin/users").then().statusCode(401);
    }
}
