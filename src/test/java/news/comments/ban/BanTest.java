package news.comments.ban;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static news.comments.TestApi.article;
import static news.comments.TestApi.moderation;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.post;
import static news.comments.TestApi.postFrom;
import static news.comments.TestApi.randomIp;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Moderators ban an author from one of their comments; the ban makes their next comments spam until lifted. */
@QuarkusTest
class BanTest {

    @Test
    void shouldMakeABannedEmailsCommentsSpamUntilTheBanIsLifted() {
        String article = article("POST");
        Map<String, Object> author = validComment();
        String ip = randomIp();
        long id = postFrom(ip, article, author).statusCode(201).extract().jsonPath().getLong("id");
        int banId = moderator().body(Map.of("reason", "trolling")).post("/api/moderation/comments/{id}/ban", id)
                .then().statusCode(201)
                .body("email", equalTo(author.get("authorEmail").toString().toLowerCase()))
                .body("ip", nullValue())
                .body("reason", equalTo("trolling"))
                .body("commentId", equalTo((int) id))
                .body("createdBy", equalTo("test-moderator"))
                .extract().path("id");
        moderator().get("/api/moderation/bans").then().body("id", hasItem(banId));

        Map<String, Object> again = new java.util.HashMap<>(author);
        again.put("body", "I am back");
        long banned = post(article, again).statusCode(201).body("status", equalTo("PENDING"))
                .extract().jsonPath().getLong("id");
        assertEquals("SPAM", moderation(banned).getString("status"));
        assertEquals("banned: email banned (ban " + banId + ")",
                moderation(banned).getString("autoDecision.rules[0].detail"));
        // the IP was not banned
        postFrom(ip, article, validComment()).statusCode(201).body("status", equalTo("APPROVED"));

        moderator().delete("/api/moderation/bans/{id}", banId).then().statusCode(204);
        moderator().get("/api/moderation/bans").then().body("id", not(hasItem(banId)));
        again.put("body", "Forgiven");
        post(article, again).statusCode(201).body("status", equalTo("APPROVED"));
        moderator().delete("/api/moderation/bans/{id}", banId).then().statusCode(404);
    }

    @Test
    void shouldBanTheIpToWhenAsked() {
        String article = article("POST");
        String ip = randomIp();
        long id = postFrom(ip, article, validComment()).statusCode(201).extract().jsonPath().getLong("id");
        int banId = moderator().body(Map.of("reason", "sock puppets", "banIp", true))
                .post("/api/moderation/comments/{id}/ban", id).then().statusCode(201)
                .body("ip", equalTo(ip)).extract().path("id");
        long fromIp = postFrom(ip, article, validComment()).statusCode(201).body("status", equalTo("PENDING"))
                .extract().jsonPath().getLong("id");
        assertEquals("banned: IP banned (ban " + banId + ")",
                moderation(fromIp).getString("autoDecision.rules[0].detail"));
        moderator().delete("/api/moderation/bans/{id}", banId).then().statusCode(204);
    }

    @Test
    void shouldNameTheOlderBanWhenTheEmailAndTheIpAreBothBanned() {
        String article = article("POST");
        String ip = randomIp();
        long first = postFrom(ip, article, validComment()).statusCode(201).extract().jsonPath().getLong("id");
        int ipBan = moderator().body(Map.of("reason", "sock puppets", "banIp", true))
                .post("/api/moderation/comments/{id}/ban", first).then().statusCode(201).extract().path("id");
        Map<String, Object> other = validComment();
        long second = postFrom(randomIp(), article, other).statusCode(201).extract().jsonPath().getLong("id");
        int emailBan = moderator().post("/api/moderation/comments/{id}/ban", second).then().statusCode(201)
                .extract().path("id");

        Map<String, Object> again = new java.util.HashMap<>(other);
        again.put("body", "Both of my bans at once");
        long both = postFrom(ip, article, again).statusCode(201).body("status", equalTo("PENDING"))
                .extract().jsonPath().getLong("id");
        assertEquals("banned: IP banned (ban " + ipBan + ")", moderation(both).getString("autoDecision.rules[0].detail"));

        moderator().delete("/api/moderation/bans/{id}", ipBan).then().statusCode(204);
        again.put("body", "Only the email ban is left");
        long emailOnly = postFrom(ip, article, again).statusCode(201).extract().jsonPath().getLong("id");
        assertEquals("banned: email banned (ban " + emailBan + ")",
                moderation(emailOnly).getString("autoDecision.rules[0].detail"));
        moderator().delete("/api/moderation/bans/{id}", emailBan).then().statusCode(204);
    }

    @Test
    void shouldRefuseBanningTwiceOrAnUnknownComment() {
        long id = post(article("PRE"), validComment()).statusCode(201).extract().jsonPath().getLong("id");
        int banId = moderator().post("/api/moderation/comments/{id}/ban", id).then().statusCode(201)
                .extract().path("id");
        moderator().post("/api/moderation/comments/{id}/ban", id).then().statusCode(409)
                .contentType("application/problem+json");
        moderator().post("/api/moderation/comments/{id}/ban", Long.MAX_VALUE).then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/moderation/bans").then().statusCode(401);
        moderator().delete("/api/moderation/bans/{id}", banId).then().statusCode(204);
    }
}
