package news.comments.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static news.comments.TestApi.admin;
import static org.hamcrest.Matchers.equalTo;

/**
 * HTTP Basic for moderators. A matched password is remembered for a while (no bcrypt check on every page), and that
 * memory never lets through what the account table no longer allows.
 */
@QuarkusTest
class LoginTest {

    private static RequestSpecification as(String username, String password) {
        return RestAssured.given().auth().preemptive().basic(username, password).contentType(ContentType.JSON);
    }

    private static String newModerator(String username, String password) {
        admin().body(Map.of("username", username, "password", password, "role", "moderator"))
                .post("/api/admin/users").then().statusCode(201);
        return username;
    }

    @Test
    void shouldLetARememberedModeratorInAgainAndAgain() {
        String moderator = newModerator("mod-" + UUID.randomUUID().toString().substring(0, 8), "first-password");
        for (int i = 0; i < 3; i++) {
            as(moderator, "first-password").get("/api/moderation/queue").then().statusCode(200);
        }
    }

    @Test
    void shouldRefuseAWrongPasswordAfterTheRightOneWasRemembered() {
        String moderator = newModerator("mod-" + UUID.randomUUID().toString().substring(0, 8), "first-password");
        as(moderator, "first-password").get("/api/moderation/queue").then().statusCode(200);

        as(moderator, "first-passwore").get("/api/moderation/queue").then().statusCode(401)
                .contentType("application/problem+json");
        as(moderator, "FIRST-PASSWORD").get("/api/moderation/queue").then().statusCode(401);
        as(moderator, "first-password ").get("/api/moderation/queue").then().statusCode(401);
    }

    @Test
    void shouldRefuseADeletedModeratorAtOnceThoughTheLoginWasRemembered() {
        String moderator = newModerator("mod-" + UUID.randomUUID().toString().substring(0, 8), "first-password");
        as(moderator, "first-password").get("/api/moderation/queue").then().statusCode(200);

        admin().delete("/api/admin/users/{u}", moderator).then().statusCode(204);

        as(moderator, "first-password").get("/api/moderation/queue").then().statusCode(401);
    }

    @Test
    void shouldAcceptOnlyTheNewPasswordOfAReCreatedAccount() {
        String moderator = newModerator("mod-" + UUID.randomUUID().toString().substring(0, 8), "first-password");
        as(moderator, "first-password").get("/api/moderation/queue").then().statusCode(200);
        admin().delete("/api/admin/users/{u}", moderator).then().statusCode(204);

        newModerator(moderator, "second-password");

        as(moderator, "first-password").get("/api/moderation/queue").then().statusCode(401);
        as(moderator, "second-password").get("/api/moderation/queue").then().statusCode(200);
    }

    @Test
    void shouldKeepTheRoleOfTheAccountNotOfTheRememberedLogin() {
        String moderator = newModerator("mod-" + UUID.randomUUID().toString().substring(0, 8), "first-password");
        as(moderator, "first-password").get("/api/moderation/queue").then().statusCode(200);

        as(moderator, "first-password").get("/api/admin/users").then().statusCode(403)
                .body("status", equalTo(403));
    }

    @Test
    void shouldRefuseAnUnknownUserLikeAWrongPassword() {
        as("nobody-" + UUID.randomUUID().toString().substring(0, 8), "first-password")
                .get("/api/moderation/queue").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
