package news.comments.privacy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import news.comments.TestApi;
import news.comments.TestClock;
import news.comments.TestMail;
import news.comments.TestSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.post;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader's requests about their own data: the request always answers 202 and mails a link to a page that uses
 * nothing until its button is pressed; the export holds exactly the address's comments; erasure leaves no trace of
 * the address in any response, queue, history, rule-hit detail, export, outbox or stored idempotent answer, while a
 * ban on it keeps working.
 */
@QuarkusTest
class DataRequestTest {

    private static String address() {
        return "Data.Subject-" + UUID.randomUUID().toString().substring(0, 8) + "@Privacy-Erased.example";
    }

    /** The address's own website, so that each test's can be told from the others'. */
    private static String website(String email) {
        return email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT) + ".example.org";
    }

    private static Map<String, Object> commentBy(String email) {
        Map<String, Object> comment = validComment();
        comment.put("authorEmail", email);
        comment.put("authorUrl", "https://" + website(email) + "/");
        return comment;
    }

    /** Asks for a data request and answers the token of the mail it causes. */
    private static String requestToken(String email, String kind) {
        int before = dataMails(email).size();
        reader().header("X-Forwarded-For", TestApi.randomIp()).body(Map.of("email", email, "kind", kind))
                .post("/api/commenters/data-request").then().statusCode(202);
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        while (dataMails(email).size() <= before && java.time.Instant.now().isBefore(deadline)) {
            TestMail.await(email, TestMail.to(email).size() + 1);
        }
        MimeMessage mail = dataMails(email).get(before);
        assertTrue(TestMail.text(mail).contains("/api/commenters/data-page?token="), TestMail.text(mail));
        return TestMail.token(mail);
    }

    private static List<MimeMessage> dataMails(String email) {
        return TestMail.to(email).stream().filter(m -> TestMail.subject(m).startsWith("Your comments")).toList();
    }

    @Test
    void shouldAnswer202AlsoForAnAddressNobodyCommentsWith() {
        String stranger = address();
        String ip = TestApi.randomIp();
        reader().header("X-Forwarded-For", ip).body(Map.of("email", "not-an-address", "kind", "steal"))
                .post("/api/commenters/data-request").then().statusCode(400).body("violations.field", hasItem("kind"))
                .body("violations.field", hasItem("email"));
        reader().header("X-Forwarded-For", ip).body(Map.of("email", stranger, "kind", "export"))
                .post("/api/commenters/data-request").then().statusCode(202);
        TestMail.await(stranger, 1);
    }

    @Test
    void shouldLetOneClientAskOnlyOncePerInterval() {
        String ip = TestApi.randomIp();
        reader().header("X-Forwarded-For", ip).body(Map.of("email", address(), "kind", "export"))
                .post("/api/commenters/data-request").then().statusCode(202);
        // another address, another kind: still the same client, which must not make the service mail anyone
        String other = address();
        reader().header("X-Forwarded-For", ip).body(Map.of("email", other, "kind", "erase"))
                .post("/api/commenters/data-request").then().statusCode(429)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("/problems/too-many-requests"))
                .body("detail", containsString("before asking again"))
                .header("Retry-After", Matchers.matchesPattern("[1-9][0-9]*"));
        reader().header("X-Forwarded-For", TestApi.randomIp()).body(Map.of("email", other, "kind", "export"))
                .post("/api/commenters/data-request").then().statusCode(202);
        TestMail.await(other, 1);
        assertEquals(List.of("Your comments: a copy of your data"),
                dataMails(other).stream().map(TestMail::subject).toList(), "no mail for the refused ask");
        TestClock.runAhead(java.time.Duration.ofMinutes(1).plusSeconds(1), () -> reader()
                .header("X-Forwarded-For", ip).body(Map.of("email", other, "kind", "erase"))
                .post("/api/commenters/data-request").then().statusCode(202));
    }

    @Test
    void shouldExpireTheLinkAfter24Hours() {
        String email = address();
        postComment(article("PRE"), commentBy(email));
        String token = requestToken(email, "export");

        TestClock.runAhead(java.time.Duration.ofHours(24).minusMinutes(1), () -> RestAssured.given()
                .queryParam("token", token).get("/api/commenters/data-page").then().statusCode(200)
                .body(containsString("Download my data")));
        TestClock.runAhead(java.time.Duration.ofHours(24).plusSeconds(1), () -> {
            RestAssured.given().queryParam("token", token).get("/api/commenters/data-page").then().statusCode(200)
                    .body(containsString("not valid"));
            RestAssured.given().queryParam("token", token).get("/api/commenters/data").then().statusCode(400)
                    .body("type", equalTo("/problems/invalid-token"));
        });
    }

    @Test
    void shouldUseTheTokenOnlyWhenTheButtonIsPressedAndOnlyOnce() {
        String email = address();
        postComment(article("PRE"), commentBy(email));
        String token = requestToken(email, "export");

        for (int i = 0; i < 2; i++) {
            RestAssured.given().queryParam("token", token).get("/api/commenters/data-page").then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .body(containsString("action=\"/api/commenters/data\""))
                    .body(containsString("Download my data"));
        }
        RestAssured.given().queryParam("token", token).get("/api/commenters/data").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body("comments.size()", equalTo(1));
        RestAssured.given().queryParam("token", token).get("/api/commenters/data").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-token"));
        RestAssured.given().queryParam("token", token).get("/api/commenters/data-page").then().statusCode(200)
                .body(containsString("not valid"));
        // an export token erases nothing
        reader().body(Map.of("token", token)).post("/api/commenters/erase").then().statusCode(400);
    }

    @Test
    void shouldExportExactlyTheCommentsOfThatAddress() {
        String email = address();
        String first = article("POST");
        String second = article("PRE");
        admin().body(Map.of("title", "The budget, explained", "moderation", "POST"))
                .put("/api/admin/articles/{a}", first).then().statusCode(200);
        long published = publishedComment(first, commentBy(email));
        Map<String, Object> pendingComment = commentBy(email);
        pendingComment.put("notifyReplies", true);
        long pending = postComment(second, pendingComment);
        Map<String, Object> reply = validComment();
        reply.put("parentId", published);
        long someoneElses = postComment(first, reply);

        JsonPath export = RestAssured.given().queryParam("token", requestToken(email, "export"))
                .get("/api/commenters/data").then().statusCode(200).extract().jsonPath();

        assertEquals(List.of(published, pending), export.getList("comments.id", Long.class));
        assertEquals(List.of(first, second), export.getList("comments.articleId"));
        assertEquals(java.util.Arrays.asList("The budget, explained", null), export.getList("comments.articleTitle"));
        assertEquals(List.of("APPROVED", "PENDING"), export.getList("comments.status"));
        assertEquals(List.of(false, true), export.getList("comments.notifyReplies"));
        assertTrue(export.getList("comments.body").stream().allMatch(b -> b.toString().startsWith("A thoughtful")));
        assertFalse(export.getList("comments.id", Long.class).contains(someoneElses));
        assertEquals(false, export.getBoolean("address.verified"));
        // admins get the same for a request by another channel
        JsonPath byAdmin = admin().body(Map.of("email", email)).post("/api/admin/commenters/export").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(published, pending), byAdmin.getList("comments.id", Long.class));
        reader().body(Map.of("email", email)).post("/api/admin/commenters/export").then().statusCode(401);
    }

    /** Every event, with the author's data, to an address where nothing listens: the outbox rows are enough. */
    private static final List<String> EVERY_EVENT = List.of("comment.created", "comment.published",
            "comment.rejected", "comment.spam", "comment.reported", "comment.edited", "comment.deleted",
            "comment.erased");

    @Test
    void shouldLeaveNoTraceOfAnErasedAddressAndKeepItsBan() {
        long webhook = admin().body(Map.of("url", "http://127.0.0.1:9/erasure-sweep", "events", EVERY_EVENT,
                "includeAuthor", true)).post("/api/admin/webhooks").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        try {
            eraseEverywhere(webhook);
        } finally {
            admin().delete("/api/admin/webhooks/{id}", webhook).then().statusCode(204);
        }
    }

    private void eraseEverywhere(long webhook) {
        String email = address();
        String articleId = article("POST");
        String commenterKey = TestMail.verify(email, articleId);
        // a comment with everything: an idempotent post, the address in its text, reply mail asked for
        Map<String, Object> first = commentBy(email);
        first.put("body", "Write to me at " + email.toUpperCase(Locale.ROOT) + " any time");
        first.put("commenterKey", commenterKey);
        first.put("notifyReplies", true);
        String idempotencyKey = UUID.randomUUID().toString();
        JsonPath posted = reader().header("Idempotency-Key", idempotencyKey).body(first)
                .post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath();
        long mine = posted.getLong("id");
        Map<String, Object> reply = validComment();
        reply.put("parentId", mine);
        long replyId = publishedComment(articleId, reply);
        TestMail.await(email, 2);
        // a comment a block list caught by the address, so that a rule hit names it
        long[] spam = new long[1];
        TestSettings.with(s -> s.put("blockEmails", List.of(email)), () -> spam[0] = postComment(articleId,
                commentBy(email)));
        assertEquals("SPAM", TestApi.moderation(spam[0]).getString("status"));
        // a report whose note names the address, a ban whose reason does
        reader().header("X-Forwarded-For", TestApi.randomIp())
                .body(Map.of("reason", "other", "note", "this is " + email)).post("/api/comments/{id}/reports", mine)
                .then().statusCode(202);
        long banId = moderator().body(Map.of("reason", "troll, writes as " + email))
                .post("/api/moderation/comments/{id}/ban", mine).then().statusCode(201).extract().jsonPath()
                .getLong("id");

        // a mail server's refusal that echoes the address, and such an attempt whose row an older erasure deleted
        String refusal = "550 5.1.1 <" + email + ">: Recipient address rejected";
        sql("insert into outbox_attempt (outbox_id, attempted_at, status_code, error, duration_ms) "
                + "select id, created_at, null, ?1, 5 from outbox where lower(recipient) = ?2", refusal,
                email.toLowerCase(Locale.ROOT));
        sql("insert into outbox_attempt (outbox_id, attempted_at, status_code, error, duration_ms) "
                + "values (-1, current_timestamp, null, ?1, 5)", refusal, null);

        String token = requestToken(email, "erase");
        // the table sweep below finds the address where it is before erasure: it is not passing for want of data
        List<String> before = tablesNaming(email);
        assertTrue(before.containsAll(List.of("COMMENT.AUTHOR_EMAIL", "BAN.EMAIL_LC", "OUTBOX.RECIPIENT",
                "OUTBOX.BODY_TEXT", "OUTBOX_ATTEMPT.ERROR", "REPORT.NOTE", "RULE_HIT.DETAIL")), before::toString);
        assertTrue(tablesNaming(website(email)).containsAll(List.of("COMMENT.AUTHOR_URL",
                "OUTBOX.BODY_TEXT")));
        assertEquals(1L, count("select count(*) from idempotency_key where comment_id = ?1", mine));
        assertFalse(calls(webhook, mine).isEmpty(), "the webhook has calls about the comment");
        RestAssured.given().queryParam("token", token).get("/api/commenters/data-page").then().statusCode(200)
                .body(containsString("Erase my data")).body(containsString("Deleted commenter"));
        reader().body(Map.of("token", token)).post("/api/commenters/erase").then().statusCode(200)
                .body("comments", equalTo(3)).body("mode", equalTo("anonymize"));

        List<Response> responses = new ArrayList<>();
        responses.add(reader().get("/api/articles/{a}/comments", articleId));
        responses.add(reader().get("/api/comments/{id}", mine));
        for (long id : new long[]{mine, replyId, spam[0]}) {
            responses.add(moderator().get("/api/moderation/comments/{id}", id));
        }
        for (String status : List.of("PENDING", "APPROVED", "SPAM", "REPORTED", "DELETED")) {
            responses.add(moderator().queryParam("status", status).queryParam("articleId", articleId)
                    .get("/api/moderation/queue"));
        }
        responses.add(moderator().get("/api/moderation/bans"));
        responses.add(admin().queryParam("limit", 200).get("/api/admin/outbox"));
        responses.add(admin().body(Map.of("email", email)).post("/api/admin/commenters/export"));
        admin().body(Map.of("email", email)).post("/api/admin/commenters/export").then().statusCode(200)
                .body("comments.size()", equalTo(0)).body("address.verified", equalTo(false))
                .body("address.commenterKeys", equalTo(0)).body("address.firstSeenAt", equalTo(null));
        responses.add(reader().header("Comment-Token", posted.getString("editToken"))
                .get("/api/comments/{id}", mine));
        for (Response response : responses) {
            String everything = (response.getHeaders().toString() + "\n" + response.asString())
                    .toLowerCase(Locale.ROOT);
            assertFalse(everything.contains(email.toLowerCase(Locale.ROOT)),
                    () -> "a response after erasure names the address: " + everything);
            assertFalse(everything.contains(website(email)), () -> "the website stayed: " + everything);
        }
        assertEquals(200, responses.get(2).statusCode());
        JsonPath erased = TestApi.moderation(mine);
        assertEquals("Deleted commenter", erased.getString("authorName"));
        assertEquals(null, erased.getString("authorEmail"));
        assertEquals(null, erased.getString("ip"));
        assertEquals(null, erased.getString("userAgent"));
        assertEquals("APPROVED", erased.getString("status"));
        assertTrue(erased.getString("body").contains("[address removed]"));
        reader().get("/api/comments/{id}", mine).then().statusCode(200)
                .body("authorName", equalTo("Deleted commenter")).body("avatarKey", equalTo(null));
        // the erased author's token no longer works, their key no longer proves anything
        reader().header("Comment-Token", posted.getString("editToken")).get("/api/comments/{id}", mine).then()
                .statusCode(404);
        reader().body(Map.of("token", token)).post("/api/commenters/erase").then().statusCode(400);
        moderator().get("/api/moderation/bans").then().body("id", hasItem((int) banId));
        // the learned filter relearns the erased comments after the erasure's commit: their website and name leave it
        TestApi.awaitFilterLearned();
        assertEquals(List.of(), tablesNaming(email), "the address is in no table");
        assertEquals(List.of(), tablesNaming(website(email)), "the website is in no table");
        assertEquals(0L, count("select count(*) from idempotency_key where comment_id = ?1", mine));
        // the webhook's calls about the erased comments are gone; receivers hear comment.erased, without the author
        for (long erasedId : new long[]{mine, spam[0]}) {
            List<JsonPath> calls = calls(webhook, erasedId);
            assertEquals(List.of("comment.erased"), calls.stream().map(c -> c.getString("type")).toList());
            assertEquals("Deleted commenter", calls.get(0).getString("data.comment.authorName"));
            assertEquals(null, calls.get(0).getString("data.author.ip"));
        }
        assertFalse(calls(webhook, replyId).isEmpty(), "calls about another reader's reply stay");

        // the ban survives: the same address posting again is caught by it
        long again = postComment(articleId, commentBy(email));
        JsonPath caught = TestApi.moderation(again);
        assertEquals("SPAM", caught.getString("status"));
        assertTrue(caught.getList("autoDecision.rules.name").contains("banned"));
        assertFalse(caught.getString("autoDecision.rules.detail").contains("Deleted"));
    }

    @Inject
    EntityManager entityManager;
    @Inject
    news.comments.comment.CommentChangesRecorder changes;

    private List<JsonPath> calls(long webhook, long commentId) {
        return StoredText.webhookCalls(entityManager, webhook, commentId);
    }

    private long count(String query, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(query)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    private void sql(String statement, Object first, Object second) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = entityManager.createNativeQuery(statement).setParameter(1, first);
            if (second != null) {
                query.setParameter(2, second);
            }
            query.executeUpdate();
        });
    }

    private List<String> tablesNaming(String text) {
        return StoredText.tablesNaming(entityManager, text);
    }

    @Test
    void shouldKeepCountingTheSpamOfAnErasedAddressAgainstIt() {
        String email = address();
        String articleId = article("PRE");
        String oldKey = TestMail.verify(email, articleId);
        Map<String, Object> spam = commentBy(email);
        spam.put("commenterKey", oldKey);
        long spamId = postComment(articleId, spam);
        moderator().post("/api/moderation/comments/{id}/spam", spamId).then().statusCode(200);
        admin().body(Map.of("email", email)).post("/api/admin/commenters/erase").then().statusCode(200);
        assertEquals("SPAM", TestApi.moderation(spamId).getString("status"));

        // the same address, verified again, earns an approval: without its old spam it would be trusted now
        String key = TestMail.verify(email, articleId);
        Map<String, Object> approved = commentBy(email);
        approved.put("commenterKey", key);
        publishedComment(articleId, approved);
        Map<String, Object> next = commentBy(email);
        next.put("commenterKey", key);
        long held = postComment(articleId, next);
        assertEquals("PENDING", TestApi.moderation(held).getString("status"));
        assertFalse(TestApi.moderation(held).getList("autoDecision.rules.name").contains("returning-commenter"));
    }

    @Test
    void shouldLetAnAdminEraseAnAddress() {
        String email = address();
        String articleId = article("PRE");
        long id = publishedComment(articleId, commentBy(email));
        admin().body(Map.of("email", email)).post("/api/admin/commenters/erase").then().statusCode(200)
                .body("comments", equalTo(1));
        JsonPath seen = TestApi.moderation(id);
        List<news.comments.comment.CommentChanged> heard = changes.of(id);
        assertEquals(3, heard.size(), "posted, approved, erased: one event for the erasure");
        assertEquals(news.comments.comment.Actor.moderator(TestApi.ADMIN), heard.get(2).by());
        assertEquals("Deleted commenter", seen.getString("authorName"));
        assertTrue(seen.getList("history.actor").contains(TestApi.ADMIN));
        reader().get("/api/articles/{a}/comments", articleId).then()
                .body("comments.authorName", hasItem("Deleted commenter"))
                .body("comments.authorName", not(hasItem(containsString("Reader"))));
        moderator().body(Map.of("email", email)).post("/api/admin/commenters/erase").then().statusCode(403);
        post(articleId, validComment()).statusCode(201);
    }
}
