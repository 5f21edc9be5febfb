package news.comments.automod;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.post;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** GET and PUT /api/admin/settings: the whole document, validated, effective on the next comment. */
@QuarkusTest
class SettingsResourceTest {

    @Test
    void shouldShowTheWholeDocumentSeededFromConfiguration() {
        admin().get("/api/admin/settings").then()
                .statusCode(200)
                .body("maxLinks", equalTo(2))
                .body("holdWords", equalTo(List.of()))
                .body("blockWords", equalTo(List.of()))
                .body("blockEmails", equalTo(List.of()))
                .body("blockIps", equalTo(List.of()))
                .body("trustReturningCommenters", equalTo(true))
                .body("floodSeconds", equalTo(0))
                .body("honeypotField", equalTo("website2"))
                .body("closeAfterDays", equalTo(0))
                .body("reportsHideThreshold", equalTo(3))
                .body("defaultModeration", equalTo("PRE"));
    }

    @Test
    void shouldApplyAChangedLimitToTheNextComment() {
        String article = article("POST");
        Map<String, Object> threeLinks = validComment();
        threeLinks.put("body", "https://a.example https://b.example https://c.example");
        news.comments.TestSettings.with(s -> s.put("maxLinks", 3),
                () -> post(article, threeLinks).statusCode(201).body("status", equalTo("APPROVED")));
        threeLinks.put("authorEmail", "other-" + System.nanoTime() + "@example.org");
        post(article, threeLinks).statusCode(201).body("status", equalTo("PENDING"));
    }

    @Test
    void shouldRefuseBadSettingsNamingEveryFieldAndKeepTheOldOnes() {
        Map<String, Object> bad = new HashMap<>(news.comments.TestSettings.current());
        bad.put("maxLinks", -1);
        bad.put("blockIps", List.of("10.0.0.0/33", "not-an-ip", "192.0.2.1"));
        bad.put("blockEmails", List.of("nobody", "@example.org"));
        bad.put("honeypotField", "authorEmail");
        bad.put("defaultModeration", "SOMETIMES");
        bad.put("reportsHideThreshold", 0);
        bad.put("holdWords", List.of("  "));
        bad.remove("floodSeconds");
        admin().body(bad).put("/api/admin/settings").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("maxLinks", "blockIps[0]", "blockIps[1]",
                        "blockEmails[0]", "honeypotField", "defaultModeration", "reportsHideThreshold",
                        "holdWords[0]", "floodSeconds"));
        admin().get("/api/admin/settings").then().body("maxLinks", equalTo(2)).body("blockIps", equalTo(List.of()));
    }

    @Test
    void shouldRefuseWrongJsonTypesInSettings() {
        Map<String, Object> bad = new HashMap<>(news.comments.TestSettings.current());
        bad.put("maxLinks", "many");
        admin().body(bad).put("/api/admin/settings").then().statusCode(400)
                .body("violations[0].field", equalTo("maxLinks"));
    }

    @Test
    void shouldTrimAndDeduplicateListEntries() {
        news.comments.TestSettings.with(s -> s.put("holdWords", List.of(" casino ", "casino", "poker")),
                () -> admin().get("/api/admin/settings").then()
                        .body("holdWords", equalTo(List.of("casino", "poker"))));
    }

    @Test
    void shouldKeepSettingsForAdminsOnly() {
        moderator().get("/api/admin/settings").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/admin/settings").then().statusCode(401);
        admin().get("/api/admin/settings").then().body("$", org.hamcrest.Matchers.aMapWithSize(12))
                .body("keySet()", hasItems("maxLinks", "holdWords", "blockWords", "blockEmails", "blockIps",
                        "trustReturningCommenters", "floodSeconds", "honeypotField", "closeAfterDays",
                        "reportsHideThreshold", "defaultModeration", "learnedFilter"));
    }
}
