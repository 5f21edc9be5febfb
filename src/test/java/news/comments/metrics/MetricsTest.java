package news.comments.metrics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.comments.TestMail;
import news.comments.outbox.Outbox;
import news.comments.outbox.OutgoingMail;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.post;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static news.comments.TestMetrics.scrape;
import static news.comments.TestMetrics.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Prometheus scrape at /q/metrics, read before and after posts, refusals, decisions, reads and deliveries.
 */
@QuarkusTest
class MetricsTest {

    @Inject
    Outbox outbox;

    @Test
    void shouldCountPostsRefusalsDecisionsAndReads() throws Exception {
        String before = scrape();
        String articleId = article("PRE");
        String open = article("POST");
        long held = postComment(articleId);
        postComment(open);
        Map<String, Object> twice = validComment();
        post(articleId, twice).statusCode(201);
        post(articleId, twice).statusCode(409);
        moderator().post("/api/moderation/comments/{id}/approve", held).then().statusCode(200);
        long spam = postComment(articleId);
        moderator().post("/api/moderation/comments/{id}/spam", spam).then().statusCode(200);
        Map<String, Object> links = validComment();
        links.put("body", "See https://a.example/1 https://b.example/2 https://c.example/3");
        post(articleId, links).statusCode(201);
        reader().get("/api/articles/{a}/comments", open).then().statusCode(200);
        reader().get("/api/articles/{a}/comments", open).then().statusCode(200);
        Thread.sleep(1500);   // the queue gauge's refresh in the test profile is 0.5 s
        String after = scrape();

        assertEquals(4, delta(before, after, "comments_posted_total{outcome=\"held\"}"));
        assertEquals(1, delta(before, after, "comments_posted_total{outcome=\"published\"}"));
        assertEquals(1, delta(before, after, "comments_posted_total{outcome=\"refused\"}"));
        assertEquals(1, delta(before, after, "comments_refused_total{reason=\"duplicate-comment\"}"));
        assertEquals(1, delta(before, after, "comments_decisions_total{action=\"approve\",by=\"moderator\"}"));
        assertEquals(1, delta(before, after, "comments_decisions_total{action=\"spam\",by=\"moderator\"}"));
        assertEquals(2, delta(before, after, "comments_first_decision_seconds_count"));
        assertTrue(delta(before, after, "comments_first_decision_seconds_bucket{le=\"60.0\"}") >= 2, after);
        assertTrue(value(after, "comments_queue_depth{status=\"PENDING\"}") >= 1, after);
        assertTrue(after.contains("comments_queue_depth{status=\"SPAM\"}"));
        assertTrue(delta(before, after, "comments_thread_cache_requests_total{result=\"hit\"}") >= 1, after);
        assertTrue(delta(before, after, "comments_thread_cache_requests_total{result=\"miss\"}") >= 1, after);
        assertTrue(after.contains("comments_thread_cache_hit_ratio "), after);
        assertTrue(after.contains("http_server_requests_seconds_count{"), "Quarkus's HTTP server metrics");
        // the buckets the dashboard's latency percentiles need (HttpLatencyBuckets), per endpoint
        String thread = "uri=\"/api/articles/{articleId}/comments\"";
        for (String le : new String[]{"0.005", "0.1", "1.0", "10.0", "+Inf"}) {
            assertTrue(after.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{")
                            && line.contains("le=\"" + le + "\"") && line.contains("method=\"GET\"")
                            && line.contains(thread)),
                    "no bucket le=" + le + " of the thread's reads in:\n" + after.lines()
                            .filter(line -> line.startsWith("http_server_requests_seconds")).toList());
        }
        assertEquals(1, delta(before, after, "comments_rule_hits_total{effect=\"hold\",rule=\"max-links\"}"));
    }

    @Test
    void shouldCountOnlyDecisionsAsDecisionsAndAModeratorsFirstOneAfterAnAuthorsEdit() {
        String before = scrape();
        String articleId = article("PRE");
        io.restassured.path.json.JsonPath edited = post(articleId, validComment()).statusCode(201).extract()
                .jsonPath();
        reader().header("Comment-Token", edited.getString("editToken")).body(Map.of("body", "Fixed a typo"))
                .patch("/api/comments/{id}", edited.getLong("id")).then().statusCode(200);
        moderator().post("/api/moderation/comments/{id}/approve", edited.getLong("id")).then().statusCode(200);
        Map<String, Object> erased = validComment();
        long erasedId = postComment(articleId, erased);
        moderator().post("/api/moderation/comments/{id}/approve", erasedId).then().statusCode(200);
        admin().body(Map.of("email", erased.get("authorEmail"))).post("/api/admin/commenters/erase").then()
                .statusCode(200);
        io.restassured.path.json.JsonPath deleted = post(article("POST"), validComment()).statusCode(201).extract()
                .jsonPath();
        reader().header("Comment-Token", deleted.getString("editToken"))
                .delete("/api/comments/{id}", deleted.getLong("id")).then().statusCode(204);
        String after = scrape();

        assertEquals(2, delta(before, after, "comments_decisions_total{action=\"approve\",by=\"moderator\"}"),
                "two approvals; an admin's erasure is no decision");
        assertEquals(0, delta(before, after, "comments_decisions_total{action=\"delete\",by=\"author\"}"));
        assertEquals(0, delta(before, after, "comments_decisions_total{action=\"delete\",by=\"moderator\"}"));
        assertEquals(2, delta(before, after, "comments_first_decision_seconds_count"),
                "an author's edit before it does not make the moderator's decision a second one");
    }

    @Test
    void shouldCountAMailDeliveredFromTheOutbox() throws Exception {
        String series = "comments_outbox_deliveries_total{channel=\"mail\",result=\"sent\"}";
        double before = value(scrape(), series);
        String address = "metrics-" + System.nanoTime() + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> outbox.mail(new OutgoingMail(address, "Counted", "text",
                "<p>html</p>", Map.of())));

        TestMail.await(address, 1);
        long deadline = System.currentTimeMillis() + 20_000;
        double after = value(scrape(), series);
        while (after < before + 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            after = value(scrape(), series);
        }
        assertTrue(after >= before + 1, "a sent mail moves " + series + " from " + before + ", now " + after);
    }

    private static double delta(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }
}
