package news.comments.automod;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static news.comments.TestApi.article;
import static news.comments.TestApi.moderation;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.post;
import static news.comments.TestApi.postFrom;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules that decide a new comment's first status, each asserted with the explanation moderators read in
 * {@code autoDecision} and in the history.
 */
@QuarkusTest
class AutoModerationRulesTest {

    private static long postedId(String article, Map<String, Object> comment, String shownStatus) {
        return post(article, comment).statusCode(201).body("status", equalTo(shownStatus)).extract().jsonPath()
                .getLong("id");
    }

    private static Map<String, Object> withBody(String body) {
        Map<String, Object> comment = validComment();
        comment.put("body", body);
        return comment;
    }

    @Test
    void shouldPublishAtOnceWithTwoLinksAndHoldWithThree() {
        String article = article("POST");
        long atLimit = postedId(article, withBody("See https://a.example/1 and https://b.example/2"), "APPROVED");
        JsonPath ok = moderation(atLimit);
        assertEquals("APPROVED", ok.getString("autoDecision.status"));
        assertEquals(List.of(), ok.getList("autoDecision.rules"));

        long over = postedId(article, withBody("https://a.example/1 https://b.example/2 and www.c.example"),
                "PENDING");
        JsonPath held = moderation(over);
        assertEquals("PENDING", held.getString("autoDecision.status"));
        assertEquals(List.of("max-links"), held.getList("autoDecision.rules.name"));
        assertEquals("hold", held.getString("autoDecision.rules[0].effect"));
        assertEquals("max-links: 3 links, limit 2", held.getString("autoDecision.rules[0].detail"));
        assertEquals("system", held.getString("history[0].actor"));
        assertEquals("max-links: 3 links, limit 2", held.getString("history[0].reason"));
    }

    @Test
    void shouldFilterTheQueueByRule() {
        String article = article("PRE");
        long linky = postedId(article, withBody("https://a.example https://b.example https://c.example"), "PENDING");
        long plain = postedId(article, withBody("no links at all"), "PENDING");
        moderator().queryParam("articleId", article).queryParam("rule", "max-links").get("/api/moderation/queue")
                .then().statusCode(200).body("comments.id", contains((int) linky));
        moderator().queryParam("articleId", article).get("/api/moderation/queue")
                .then().body("comments.id", contains((int) linky, (int) plain));
        moderator().queryParam("rule", "no-such-rule").get("/api/moderation/queue")
                .then().statusCode(400).body("violations[0].field", equalTo("rule"));
    }

    @Test
    void shouldHoldOnHoldWordsInAnyCaseAccentOrFieldButNotInsideOtherWords() {
        news.comments.TestSettings.with(s -> s.put("holdWords", List.of("casino", "Élan", "buy now")), () -> {
            String article = article("POST");
            assertHeldBy(article, withBody("Visit the CASINO tonight"), "hold-word: \"casino\" in body");
            assertHeldBy(article, withBody("Visit the cásino tonight"), "hold-word: \"casino\" in body");
            assertHeldBy(article, withBody("full-width ｃａｓｉｎｏ"), "hold-word: \"casino\" in body");
            assertHeldBy(article, withBody("with great élan!"), "hold-word: \"Élan\" in body");
            assertHeldBy(article, withBody("BUY   NOW please"), "hold-word: \"buy now\" in body");
            Map<String, Object> inName = validComment();
            inName.put("authorName", "Casino King");
            assertHeldBy(article, inName, "hold-word: \"casino\" in name");
            Map<String, Object> inWebsite = validComment();
            inWebsite.put("authorUrl", "https://casino.example/");
            assertHeldBy(article, inWebsite, "hold-word: \"casino\" in website");
            Map<String, Object> inEmail = validComment();
            inEmail.put("authorEmail", "casino-" + System.nanoTime() + "@example.org");
            assertHeldBy(article, inEmail, "hold-word: \"casino\" in email");

            // inside other words: no match
            postedId(article, withBody("Occasionally the casinos and the elandra fan club buy nowhere"), "APPROVED");
        });
    }

    @Test
    void shouldHoldOnHoldWordsInIpAndUserAgent() {
        news.comments.TestSettings.with(s -> s.put("holdWords", List.of("198.51.100.23", "curl")), () -> {
            String article = article("POST");
            long byIp = postFrom("198.51.100.23", article, validComment()).statusCode(201)
                    .body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
            assertEquals("hold-word: \"198.51.100.23\" in IP", moderation(byIp).getString("autoDecision.rules[0].detail"));
            postFrom("198.51.100.230", article, validComment()).statusCode(201).body("status", equalTo("APPROVED"));
            long byAgent = reader().header("User-Agent", "curl/8.5.0").body(validComment())
                    .post("/api/articles/{a}/comments", article).then().statusCode(201)
                    .body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
            assertEquals("hold-word: \"curl\" in user agent",
                    moderation(byAgent).getString("autoDecision.rules[0].detail"));
        });
    }

    @Test
    void shouldMarkBlockListMatchesAsSpamWhileTellingThePosterItIsPending() {
        news.comments.TestSettings.with(s -> {
            s.put("blockWords", List.of("viagra"));
            s.put("blockEmails", List.of("@spam.example", "Exact@Example.net"));
            s.put("blockIps", List.of("203.0.113.0/24", "2001:db8::/32"));
        }, () -> {
            String article = article("POST");
            assertSpam(article, withBody("cheap VIAGRA here"), null, "block-list: word \"viagra\" in body");
            Map<String, Object> domain = validComment();
            domain.put("authorEmail", "someone@mail.spam.example");
            assertSpam(article, domain, null, "block-list: email @spam.example");
            Map<String, Object> exact = validComment();
            exact.put("authorEmail", "exact@EXAMPLE.net");
            assertSpam(article, exact, null, "block-list: email exact@example.net");
            assertSpam(article, validComment(), "203.0.113.200", "block-list: IP in 203.0.113.0/24");
            assertSpam(article, validComment(), "2001:db8::42", "block-list: IP in 2001:db8::/32");
            postFrom("203.0.114.1", article, validComment()).statusCode(201).body("status", equalTo("APPROVED"));
            Map<String, Object> lookalike = validComment();
            lookalike.put("authorEmail", "someone@notspam.example");
            post(article, lookalike).statusCode(201).body("status", equalTo("APPROVED"));
        });
    }

    @Test
    void shouldTrustReturningCommentersInPreModeUnlessTheyHaveSpam() {
        String article = article("PRE");
        Map<String, Object> author = validComment();
        String key = news.comments.TestMail.verify((String) author.get("authorEmail"), article);
        publishedComment(article, author);
        Map<String, Object> again = new java.util.HashMap<>(author);
        again.put("body", "Back again");
        again.put("commenterKey", key);
        long trusted = postedId(article, again, "APPROVED");
        assertEquals("returning-commenter", moderation(trusted).getString("autoDecision.rules[0].name"));
        assertEquals("returning-commenter: 1 approved comment, none spam",
                moderation(trusted).getString("autoDecision.rules[0].detail"));

        moderator().post("/api/moderation/comments/{id}/spam", trusted).then().statusCode(200);
        again.put("body", "Third time");
        postedId(article, again, "PENDING");
    }

    @Test
    void shouldNotTrustReturningCommentersWhenSwitchedOff() {
        String article = article("PRE");
        Map<String, Object> author = validComment();
        publishedComment(article, author);
        news.comments.TestSettings.with(s -> s.put("trustReturningCommenters", false), () -> {
            Map<String, Object> again = new java.util.HashMap<>(author);
            again.put("body", "Back again");
            long id = postedId(article, again, "PENDING");
            assertEquals(List.of(), moderation(id).getList("autoDecision.rules"));
        });
    }

    @Test
    void shouldLetHoldBeatReturningCommenter() {
        String article = article("PRE");
        Map<String, Object> author = validComment();
        String key = news.comments.TestMail.verify((String) author.get("authorEmail"), article);
        publishedComment(article, author);
        Map<String, Object> again = new java.util.HashMap<>(author);
        again.put("commenterKey", key);
        again.put("body", "https://a.example https://b.example https://c.example");
        long id = postedId(article, again, "PENDING");
        assertEquals(List.of("max-links", "returning-commenter"), moderation(id).getList("autoDecision.rules.name"));
        assertEquals("PENDING", moderation(id).getString("autoDecision.status"));
    }

    @Test
    void shouldTreatAFilledHoneypotAsSpam() {
        String article = article("POST");
        Map<String, Object> bot = validComment();
        bot.put("website2", "http://bot.example");
        assertSpam(article, bot, null, "honeypot: hidden field website2 was filled");
        Map<String, Object> person = validComment();
        person.put("website2", "");
        post(article, person).statusCode(201).body("status", equalTo("APPROVED"));
    }

    @Test
    void shouldUseTheHoneypotNameOfTheCurrentSettings() {
        news.comments.TestSettings.with(s -> s.put("honeypotField", "fax_number"), () -> {
            reader().get("/api/comment-form").then().statusCode(200).body("honeypotField", equalTo("fax_number"));
            String article = article("POST");
            Map<String, Object> oldName = validComment();
            oldName.put("website2", "filled");
            post(article, oldName).statusCode(201).body("status", equalTo("APPROVED"));
            Map<String, Object> bot = validComment();
            bot.put("fax_number", "555");
            assertSpam(article, bot, null, "honeypot: hidden field fax_number was filled");
        });
    }

    @Test
    void shouldCloseArticlesOlderThanCloseAfterDays() {
        String article = article("POST");
        news.comments.TestSettings.with(s -> s.put("closeAfterDays", 2), () -> {
            post(article, validComment()).statusCode(201);
            news.comments.TestClock.runAhead(java.time.Duration.ofDays(2).minusMinutes(1),
                    () -> post(article, validComment()).statusCode(201));
            news.comments.TestClock.runAhead(java.time.Duration.ofDays(2).plusMinutes(1),
                    () -> post(article, validComment()).statusCode(403)
                            .body("type", equalTo("/problems/comments-closed")));
        });
        news.comments.TestClock.runAhead(java.time.Duration.ofDays(400),
                () -> post(article, validComment()).statusCode(201));
    }

    @Test
    void shouldStartCommentsOfNewArticlesInTheDefaultMode() {
        news.comments.TestSettings.with(s -> s.put("defaultModeration", "POST"), () -> {
            String article = newArticleId();
            post(article, validComment()).statusCode(201).body("status", equalTo("APPROVED"));
            news.comments.TestApi.admin().get("/api/admin/articles?limit=500").then()
                    .body("articles.find { it.articleId == '" + article + "' }.moderation", equalTo("POST"));
        });
        post(newArticleId(), validComment()).statusCode(201).body("status", equalTo("PENDING"));
    }

    @Test
    void shouldSwitchAnArticleBetweenModes() {
        String article = article("PRE");
        post(article, validComment()).statusCode(201).body("status", equalTo("PENDING"));
        news.comments.TestApi.admin().body(Map.of("moderation", "POST")).put("/api/admin/articles/{a}", article)
                .then().statusCode(200).body("moderation", equalTo("POST"));
        post(article, validComment()).statusCode(201).body("status", equalTo("APPROVED"));
        news.comments.TestApi.admin().body(Map.of("moderation", "LATER")).put("/api/admin/articles/{a}", article)
                .then().statusCode(400).body("violations[0].field", equalTo("moderation"));
    }

    private static void assertHeldBy(String article, Map<String, Object> comment, String detail) {
        long id = postedId(article, comment, "PENDING");
        JsonPath view = moderation(id);
        assertEquals("PENDING", view.getString("status"));
        assertTrue(view.getList("autoDecision.rules.detail").contains(detail),
                () -> "expected " + detail + " in " + view.getList("autoDecision.rules.detail"));
    }

    private static void assertSpam(String article, Map<String, Object> comment, String ip, String detail) {
        var response = ip == null ? post(article, comment) : postFrom(ip, article, comment);
        long id = response.statusCode(201).body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
        JsonPath view = moderation(id);
        assertEquals("SPAM", view.getString("status"));
        assertEquals("SPAM", view.getString("autoDecision.status"));
        assertTrue(view.getList("autoDecision.rules.detail").contains(detail),
                () -> "expected " + detail + " in " + view.getList("autoDecision.rules.detail"));
        assertEquals("SPAM", view.getString("history[0].to"));
        reader().get("/api/articles/{a}/comments", article).then().body("comments.id", org.hamcrest.Matchers
                .not(hasItem((int) id)));
    }
}
