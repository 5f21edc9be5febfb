package news.comments.commenter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import news.comments.TestClock;
import news.comments.TestMail;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.approve;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderation;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.post;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trust belongs to whoever controls an address, not to whoever types it: a verification mail with a single-use link,
 * a {@code commenterKey} for the reader's browser, and the returning-commenter rule only for posts that carry it.
 */
@QuarkusTest
class VerifiedAddressesTest {

    @Inject
    EntityManager entityManager;

    @Test
    void shouldSendOneVerificationMailToAnUnverifiedAddressWithinTheResendWindow() {
        String article = article("PRE");
        Map<String, Object> comment = validComment();
        String email = (String) comment.get("authorEmail");
        comment.put("pageUrl", "https://allowed.example/2026/12/arms-deal");
        comment.put("pageTitle", "Arms deal");
        post(article, comment).statusCode(201).body("keyMatched", equalTo(false));
        comment.put("body", "A second thought");
        post(article, comment).statusCode(201);

        MimeMessage mail = TestMail.await(email, 1).get(0);
        TestMail.settle();
        assertEquals(1, TestMail.to(email).size(), "one verification mail, however many comments");
        assertTrue(TestMail.subject(mail).contains("Arms deal"));
        assertTrue(TestMail.text(mail).contains("https://allowed.example/2026/12/arms-deal?token="),
                "the link leads to the article page, whose embed confirms it");

        TestClock.runAhead(Duration.ofMinutes(11), () -> {
            comment.put("body", "A third thought, much later");
            post(article, comment).statusCode(201);
            TestMail.await(email, 2);
        });
    }

    @Test
    void shouldStoreTokensAndKeysOnlyAsHashes() {
        String email = (String) validComment().get("authorEmail");
        String key = TestMail.verify(email, article("PRE"));
        String token = TestMail.token(TestMail.to(email).get(0));

        List<?> stored = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select token_hash from commenter_token union all select key_hash from commenter_key").getResultList());
        assertFalse(stored.contains(token));
        assertFalse(stored.contains(key));
    }

    @Test
    void shouldTakeTheTitleAndAddressOfTheSitesOwnPageOnly() {
        String article = newArticleId();
        Map<String, Object> comment = validComment();
        comment.put("pageUrl", "https://allowed.example/story");
        comment.put("pageTitle", "  A story\u0007 ");
        post(article, comment).statusCode(201);
        JsonPath articles = admin().queryParam("limit", 500).get("/api/admin/articles").then().extract().jsonPath();
        assertEquals("A story", articles.getString("articles.find { it.articleId == '" + article + "' }.title"));
        assertEquals("https://allowed.example/story",
                articles.getString("articles.find { it.articleId == '" + article + "' }.url"));

        String elsewhere = newArticleId();
        Map<String, Object> foreign = validComment();
        String email = (String) foreign.get("authorEmail");
        foreign.put("pageUrl", "https://evil.example/phish");
        foreign.put("pageTitle", "Click here");
        post(elsewhere, foreign).statusCode(201);
        String text = TestMail.text(TestMail.await(email, 1).get(0));
        assertFalse(text.contains("evil.example"), "the service never mails links to another site");
        assertTrue(text.contains("http://localhost:8080/?token="));
    }

    @Test
    void shouldConfirmATokenOnceAndRefuseItAfterwards() {
        String email = (String) validComment().get("authorEmail");
        Map<String, Object> comment = validComment();
        comment.put("authorEmail", email);
        post(article("PRE"), comment).statusCode(201);
        String token = TestMail.token(TestMail.await(email, 1).get(0));

        reader().body(Map.of("token", token)).post("/api/commenters/verify").then().statusCode(200)
                .body("email", equalTo(email)).body("commenterKey", notNullValue());
        reader().body(Map.of("token", token)).post("/api/commenters/verify").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/invalid-token"));
    }

    @Test
    void shouldRefuseAForgedOrMissingToken() {
        reader().body(Map.of("token", "not-a-token-we-gave-out")).post("/api/commenters/verify").then()
                .statusCode(400).body("type", equalTo("/problems/invalid-token"));
        reader().body(Map.of()).post("/api/commenters/verify").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-token"));
    }

    @Test
    void shouldRefuseAnExpiredTokenAndChangeNothing() {
        Map<String, Object> comment = validComment();
        String email = (String) comment.get("authorEmail");
        post(article("PRE"), comment).statusCode(201);
        String token = TestMail.token(TestMail.await(email, 1).get(0));

        TestClock.runAhead(Duration.ofDays(7).plusSeconds(1), () ->
                reader().body(Map.of("token", token)).post("/api/commenters/verify").then().statusCode(400)
                        .body("type", equalTo("/problems/invalid-token")));
        long verified = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from commenter where email_lc = ?1 and verified_at is not null")
                .setParameter(1, email).getSingleResult()).longValue());
        assertEquals(0, verified);
    }

    /** The hole of issue 14: a regular's guessable address must not publish a stranger's spam under her name. */
    @Test
    void shouldNotLendARegularsTrustToWhoeverTypesHerAddress() {
        String article = article("PRE");
        String email = "jane.regular-" + System.nanoTime() + "@newsroom.example";
        String key = TestMail.verify(email, article);
        Map<String, Object> jane = new HashMap<>(Map.of("authorName", "Jane Regular", "authorEmail", email,
                "body", "A first, thoughtful comment", "commenterKey", key));
        approve(postComment(article, jane));

        Map<String, Object> impostor = new HashMap<>(Map.of("authorName", "Jane Regular",
                "authorEmail", email.toUpperCase(), "body", "Buy cheap pills at http://spam.example now"));
        long held = post(article, impostor).statusCode(201).body("status", equalTo("PENDING"))
                .extract().jsonPath().getLong("id");
        JsonPath view = moderation(held);
        assertTrue(view.getBoolean("emailVerified"));
        assertFalse(view.getBoolean("keyMatched"));
        assertEquals("PENDING", view.getString("autoDecision.status"));
        assertEquals("returning-commenter: not applied, address used without its key",
                view.getString("autoDecision.rules.find { it.name == 'returning-commenter' }.detail"));
        assertEquals("note", view.getString("autoDecision.rules.find { it.name == 'returning-commenter' }.effect"));

        jane.put("body", "Back again, with my key");
        long trusted = post(article, jane).statusCode(201).body("status", equalTo("APPROVED"))
                .body("keyMatched", equalTo(true)).extract().jsonPath().getLong("id");
        assertTrue(moderation(trusted).getBoolean("keyMatched"));
        assertEquals("returning-commenter: 1 approved comment, none spam",
                moderation(trusted).getString("autoDecision.rules[0].detail"));
    }

    @Test
    void shouldTrustNoLongerAKeyItsHolderHadForgotten() {
        String article = article("PRE");
        Map<String, Object> author = validComment();
        String key = TestMail.verify((String) author.get("authorEmail"), article);
        approve(postComment(article, author));

        reader().body(Map.of("commenterKey", key)).post("/api/commenters/forget").then().statusCode(204);
        reader().body(Map.of("commenterKey", "never-given-out")).post("/api/commenters/forget").then()
                .statusCode(204);

        author.put("body", "After forgetting the key");
        author.put("commenterKey", key);
        post(article, author).statusCode(201).body("status", equalTo("PENDING")).body("keyMatched", equalTo(false));
    }

    @Test
    void shouldNotTrustAKeyOfAnotherAddress() {
        String article = article("PRE");
        Map<String, Object> owner = validComment();
        String key = TestMail.verify((String) owner.get("authorEmail"), article);
        approve(postComment(article, owner));

        Map<String, Object> other = validComment();
        other.put("commenterKey", key);
        post(article, other).statusCode(201).body("status", equalTo("PENDING")).body("keyMatched", equalTo(false));
    }
    /**
     * After "Forget this browser", on a new device or with cleared storage, the owner of a verified address can be
     * trusted again: a post without the key asks "was it you?" (once per resend window), and confirming answers a new
     * key that the old one does not replace, and proves that comment, so its notifications count.
     */
    @Test
    void shouldLetTheOwnerOfAVerifiedAddressConfirmANewBrowser() {
        String article = article("PRE");
        Map<String, Object> author = validComment();
        String email = (String) author.get("authorEmail");
        String oldKey = TestMail.verify(email, article);
        approve(postComment(article, with(author, "commenterKey", oldKey)));

        MimeMessage[] confirmation = new MimeMessage[1];
        long[] keyless = new long[1];
        TestClock.runAhead(Duration.ofMinutes(11), () -> {
            Map<String, Object> newBrowser = validComment();
            newBrowser.put("authorEmail", email);
            newBrowser.put("notifyPublished", true);
            keyless[0] = post(article, newBrowser).statusCode(201).body("status", equalTo("PENDING"))
                    .body("keyMatched", equalTo(false)).extract().jsonPath().getLong("id");
            MimeMessage mail = TestMail.await(email, 2).get(1);
            assertTrue(TestMail.subject(mail).startsWith("Confirm it was you"), TestMail.subject(mail));
            assertTrue(TestMail.text(mail).contains("new device"));
            assertFalse(TestMail.raw(mail).contains((String) newBrowser.get("body")),
                    "the mail never carries the text that whoever typed the address chose");
            confirmation[0] = mail;
            newBrowser.put("body", "A second post from the new browser, still without its key");
            post(article, newBrowser).statusCode(201);
        });
        TestMail.settle();
        assertEquals(2, TestMail.to(email).size(), "one confirmation per resend window");

        String newKey = TestMail.confirm(confirmation[0]);
        assertFalse(newKey.equals(oldKey));
        approve(keyless[0]);
        assertTrue(TestMail.subject(TestMail.await(email, 3).get(2)).startsWith("Your comment is published"),
                "the confirmed comment's choices count");
        for (String key : new String[]{newKey, oldKey}) {
            Map<String, Object> trusted = validComment();
            trusted.put("authorEmail", email);
            trusted.put("commenterKey", key);
            post(article, trusted).statusCode(201).body("keyMatched", equalTo(true)).body("status", equalTo("APPROVED"));
        }
    }

    /** Spam sends no mail: a bot, a banned or a blocked author cannot make the service mail the address they typed. */
    @Test
    void shouldSendNoVerificationMailForAPostJudgedSpam() {
        String article = article("POST");
        Map<String, Object> bot = validComment();
        bot.put("website2", "http://spam.example");
        long botId = postComment(article, bot);
        Map<String, Object> blocked = validComment();
        String blockedEmail = (String) blocked.get("authorEmail");
        long[] blockedId = new long[1];
        news.comments.TestSettings.with(settings -> settings.put("blockEmails", List.of(blockedEmail)),
                () -> blockedId[0] = postComment(article, blocked));
        Map<String, Object> fine = validComment();
        postComment(article, fine);

        assertEquals("SPAM", moderation(botId).getString("status"));
        assertEquals("SPAM", moderation(blockedId[0]).getString("status"));
        TestMail.await((String) fine.get("authorEmail"), 1);
        TestMail.settle();
        assertEquals(List.of(), TestMail.to((String) bot.get("authorEmail")));
        assertEquals(List.of(), TestMail.to(blockedEmail));
    }

    private static Map<String, Object> with(Map<String, Object> comment, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(comment);
        copy.put(field, value);
        return copy;
    }
}
