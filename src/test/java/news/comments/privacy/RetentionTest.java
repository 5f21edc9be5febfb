package news.comments.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.comments.TestApi;
import news.comments.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.article;
import static news.comments.TestApi.postFrom;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code comments.privacy.ip-retention} (30 days by default; the clock is moved one second past it) clears a comment's
 * IP and user agent, and reports keep only a keyed hash of the reporter's IP.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    OriginRetention retention;
    @Inject
    EntityManager entityManager;

    @Test
    void shouldClearIpAndUserAgentAfterTheRetention() {
        String ip = TestApi.randomIp();
        long id = reader().header("X-Forwarded-For", ip).header("User-Agent", "Retained/1.0")
                .body(validComment()).post("/api/articles/{a}/comments", article("PRE")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertEquals(ip, TestApi.moderation(id).getString("ip"));

        TestClock.runAhead(Duration.ofDays(30).minusMinutes(1), () -> retention.purge());
        assertEquals(ip, TestApi.moderation(id).getString("ip"), "kept until the retention is over");

        TestClock.runAhead(Duration.ofDays(30).plusSeconds(1), () -> assertTrue(retention.purge() >= 1));
        assertNull(TestApi.moderation(id).getString("ip"));
        assertNull(TestApi.moderation(id).getString("userAgent"));
        // a new comment from that IP is unaffected, and keeps its own
        long fresh = postFrom(ip, article("PRE"), validComment()).statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(ip, TestApi.moderation(fresh).getString("ip"));
    }

    @Test
    void shouldKeepAKeyedHashOfTheReportersIpOnly() {
        String articleId = article("POST");
        long id = TestApi.publishedComment(articleId, validComment());
        String ip = TestApi.randomIp();
        for (int i = 0; i < 2; i++) {
            reader().header("X-Forwarded-For", ip).body(Map.of("reason", "spam"))
                    .post("/api/comments/{id}/reports", id).then().statusCode(202);
        }
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select ip, ip_key from report where comment_id = ?1").setParameter(1, id).getResultList());
        assertEquals(1, rows.size(), "one report per IP");
        Object[] row = (Object[]) rows.get(0);
        assertNull(row[0]);
        assertNotNull(row[1]);
        assertEquals(64, row[1].toString().length());
        assertTrue(!row[1].toString().contains(ip) && !row[1].equals(news.comments.web.Hashes.sha256Hex(ip))
                && !row[1].equals(news.comments.web.Hashes.sha256Hex("ip:" + ip)), "a keyed hash, not a plain one");
    }
}
