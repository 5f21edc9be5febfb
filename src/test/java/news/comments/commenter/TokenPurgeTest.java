package news.comments.commenter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import news.comments.TestMail;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.approve;
import static news.comments.TestApi.article;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mailed tokens that can do nothing any more, used or expired, are deleted on the privacy purge schedule; live ones
 * stay, and a confirmed comment keeps its proof when its token goes.
 */
@QuarkusTest
class TokenPurgeTest {

    @Inject
    TokenPurge purge;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldDeleteUsedAndExpiredTokensAndKeepLiveOnes() {
        String address = "tokens-" + System.nanoTime() + "@example.org";
        Instant now = Instant.now();
        token(address, "used", now.plus(Duration.ofDays(1)), now.minusSeconds(60));
        token(address, "expired", now.minusSeconds(1), null);
        token(address, "live", now.plus(Duration.ofDays(1)), null);

        assertTrue(purge.purge() >= 2);

        assertEquals(List.of("live-" + address), QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select token_hash from commenter_token where email_lc = ?1").setParameter(1, address)
                .getResultList()));
    }

    @Test
    void shouldKeepTheProofOfAConfirmedCommentWhenItsTokenIsPurged() {
        String article = article("PRE");
        Map<String, Object> author = validComment();
        String email = (String) author.get("authorEmail");
        author.put("notifyPublished", true);
        long id = postComment(article, author);
        MimeMessage confirmation = TestMail.await(email, 1).get(0);
        TestMail.confirm(confirmation);

        purge.purge();
        approve(id);

        MimeMessage published = TestMail.await(email, 2).get(1);
        assertTrue(TestMail.subject(published).startsWith("Your comment is published"));
        reader().body(Map.of("token", TestMail.token(confirmation))).post("/api/commenters/verify").then()
                .statusCode(400);
    }

    private void token(String address, String hash, Instant expires, Instant used) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("insert into commenter_token "
                        + "(token_hash, email_lc, purpose, created_at, expires_at, used_at) "
                        + "values (?1, ?2, 'verify', ?3, ?4, ?5)")
                .setParameter(1, hash + "-" + address).setParameter(2, address)
                .setParameter(3, Instant.now().minus(Duration.ofDays(2))).setParameter(4, expires)
                .setParameter(5, used).executeUpdate());
    }
}
