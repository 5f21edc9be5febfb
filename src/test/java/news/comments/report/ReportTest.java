package news.comments.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static news.comments.TestApi.article;
import static news.comments.TestApi.moderation;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.randomIp;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Readers report published comments; enough reports hide one until a moderator decides. */
@QuarkusTest
class ReportTest {

    private static io.restassured.response.ValidatableResponse report(long id, String ip, String reason) {
        return reader().header("X-Forwarded-For", ip).body(Map.of("reason", reason, "note", "see for yourself"))
                .post("/api/comments/{id}/reports", id).then();
    }

    @Test
    void shouldAcceptAReportWith202AndShowItToModerators() {
        String article = article("PRE");
        long id = publishedComment(article, validComment());
        report(id, randomIp(), "off-topic").statusCode(202);
        JsonPath view = moderation(id);
        assertEquals(1, view.getInt("openReports"));
        assertEquals("off-topic", view.getString("reports[0].reason"));
        assertEquals("see for yourself", view.getString("reports[0].note"));
        moderator().queryParam("status", "REPORTED").queryParam("articleId", article).get("/api/moderation/queue")
                .then().statusCode(200).body("status", equalTo("REPORTED")).body("comments.id", contains((int) id))
                .body("comments[0].reports", hasSize(1));
    }

    @Test
    void shouldCountOneReportPerIp() {
        long id = publishedComment(article("PRE"), validComment());
        String ip = randomIp();
        report(id, ip, "spam").statusCode(202);
        report(id, ip, "abuse").statusCode(202);
        report(id, ip, "abuse").statusCode(202);
        assertEquals(1, moderation(id).getInt("openReports"));
        assertEquals("APPROVED", moderation(id).getString("status"));
    }

    @Test
    void shouldHideACommentAtTheThresholdUntilAModeratorApprovesItAgain() {
        String article = article("PRE");
        long id = publishedComment(article, validComment());
        report(id, randomIp(), "abuse").statusCode(202);
        report(id, randomIp(), "abuse").statusCode(202);
        reader().get("/api/comments/{id}", id).then().statusCode(200);
        report(id, randomIp(), "spam").statusCode(202);

        reader().get("/api/comments/{id}", id).then().statusCode(404);
        reader().get("/api/articles/{a}/comments", article).then().body("total", equalTo(0));
        JsonPath view = moderation(id);
        assertEquals("PENDING", view.getString("status"));
        assertEquals("PENDING", view.getString("autoDecision.status"));
        assertEquals("reports: 3 open reports, threshold 3", view.getString("autoDecision.rules[-1].detail"));
        assertEquals("reports", view.getString("autoDecision.rules[-1].name"));
        assertEquals("system", view.getString("history[-1].actor"));
        assertEquals("APPROVED", view.getString("history[-1].from"));
        moderator().queryParam("rule", "reports").queryParam("articleId", article).get("/api/moderation/queue")
                .then().body("comments.id", contains((int) id)).body("comments[0].reports", hasSize(3));

        moderator().post("/api/moderation/comments/{id}/approve", id).then().statusCode(200)
                .body("openReports", equalTo(0)).body("reports", hasSize(0));
        reader().get("/api/comments/{id}", id).then().statusCode(200);
        moderator().queryParam("status", "REPORTED").queryParam("articleId", article).get("/api/moderation/queue")
                .then().body("comments", hasSize(0));
    }

    @Test
    void shouldDismissReportsWhenAModeratorApprovesAReportedCommentAgain() {
        String article = article("PRE");
        long id = publishedComment(article, validComment());
        report(id, randomIp(), "other").statusCode(202);
        long version = moderation(id).getLong("version");
        moderator().post("/api/moderation/comments/{id}/approve", id).then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("openReports", equalTo(0))
                .body("version", equalTo((int) version + 1))
                .body("history[-1].reason", equalTo("reports dismissed"));
    }

    @Test
    void shouldListMostReportedFirstAndPageThroughThem() {
        String article = article("PRE");
        long once = publishedComment(article, validComment());
        long twice = publishedComment(article, validComment());
        report(once, randomIp(), "spam").statusCode(202);
        report(twice, randomIp(), "spam").statusCode(202);
        report(twice, randomIp(), "spam").statusCode(202);
        String next = moderator().queryParam("status", "REPORTED").queryParam("articleId", article)
                .queryParam("limit", 1).get("/api/moderation/queue").then()
                .body("comments.id", contains((int) twice)).extract().path("next");
        moderator().queryParam("status", "REPORTED").queryParam("articleId", article).queryParam("limit", 1)
                .queryParam("after", next).get("/api/moderation/queue").then()
                .body("comments.id", contains((int) once)).body("next", equalTo(null));
    }

    @Test
    void shouldRefuseReportsOnUnpublishedCommentsAndBadReasons() {
        long pending = postComment(article("PRE"));
        report(pending, randomIp(), "spam").statusCode(404).contentType("application/problem+json");
        report(Long.MAX_VALUE, randomIp(), "spam").statusCode(404);
        long id = publishedComment(article("PRE"), validComment());
        report(id, randomIp(), "boring").statusCode(400).body("violations[0].field", equalTo("reason"));
        reader().body(Map.of("reason", "other", "note", "n".repeat(1001))).post("/api/comments/{id}/reports", id)
                .then().statusCode(400).body("violations[0].field", equalTo("note"));
        assertEquals(0, moderation(id).getInt("openReports"));
    }

    @Test
    void shouldLimitReportsPerIp() {
        String ip = randomIp();
        String article = article("PRE");
        for (int i = 0; i < 5; i++) {
            report(publishedComment(article, validComment()), ip, "spam").statusCode(202);
        }
        long sixth = publishedComment(article, validComment());
        report(sixth, ip, "spam").statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("/problems/too-many-requests"));
        assertEquals(0, moderation(sixth).getInt("openReports"));
        report(sixth, randomIp(), "spam").statusCode(202);
        moderator().queryParam("status", "REPORTED").queryParam("articleId", article).get("/api/moderation/queue")
                .then().body("comments.id", hasItem((int) sixth)).body("comments.id", not(hasItem(-1)));
    }
}
