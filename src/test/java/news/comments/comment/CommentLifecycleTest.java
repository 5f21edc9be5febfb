package news.comments.comment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.comments.TestMail;
import news.comments.TestMetrics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.MODERATOR;
import static news.comments.TestApi.admin;
import static news.comments.TestApi.approve;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderation;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.post;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.randomIp;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every path that changes a comment goes through {@link CommentLifecycle}, and a listener of committed changes hears
 * each change exactly once, with its kind, the statuses, the actor and the reason, and nothing of a change rolled
 * back: {@link FailingChangeListener} makes a real path's transaction fail after its event was fired.
 */
@QuarkusTest
class CommentLifecycleTest {

    @Inject
    CommentChangesRecorder changes;
    @Inject
    FailingChangeListener failing;
    @Inject
    CommentLifecycle lifecycle;
    @Inject
    CommentRepository comments;

    @Test
    void shouldAnnounceANewCommentOnceAsTheSystemsDecision() {
        long id = postComment(article("PRE"));

        List<CommentChanged> heard = changes.of(id);
        assertEquals(1, heard.size());
        assertEquals(CommentChanged.Kind.POSTED, heard.get(0).kind());
        assertEquals(null, heard.get(0).from());
        assertEquals(CommentStatus.PENDING, heard.get(0).to());
        assertEquals(Actor.SYSTEM, heard.get(0).by());
        assertEquals("pre-moderation: held for review", heard.get(0).reason());
    }

    @Test
    void shouldLetAListenerInsideTheTransactionReadTheRulesOfANewComment() {
        String article = article("POST");
        changes.watchRules(article);
        Map<String, Object> comment = validComment();
        comment.put("body", "See https://a.example/1 https://b.example/2 https://c.example/3");

        long id = postComment(article, comment);

        assertEquals(List.of("max-links"), changes.rulesSeenInTransaction(id));
    }

    @Test
    void shouldAnnounceAModeratorsDecisionOnceWithWhoAndWhy() {
        long id = postComment(article("PRE"));

        moderator().body(Map.of("reason", "off topic")).post("/api/moderation/comments/{id}/reject", id)
                .then().statusCode(200);

        List<CommentChanged> heard = changes.of(id);
        assertEquals(2, heard.size());
        CommentChanged decision = heard.get(1);
        assertEquals(CommentChanged.Kind.DECIDED, decision.kind());
        assertEquals(CommentStatus.PENDING, decision.from());
        assertEquals(CommentStatus.REJECTED, decision.to());
        assertEquals(Actor.moderator(MODERATOR), decision.by());
        assertEquals("off topic", decision.reason());
    }

    @Test
    void shouldAnnounceNothingWhenADecisionChangesNothing() {
        long id = publishedComment(article("PRE"), validComment());

        approve(id);

        assertEquals(2, changes.of(id).size(), "posted, approved; approving again is no change");
    }

    @Test
    void shouldAnnounceEachCommentOfABulkDecisionOnce() {
        String article = article("PRE");
        long first = postComment(article);
        long second = postComment(article);

        moderator().body(Map.of("action", "spam", "ids", List.of(first, second, first)))
                .post("/api/moderation/bulk").then().statusCode(200);

        for (long id : List.of(first, second)) {
            List<CommentChanged> heard = changes.of(id);
            assertEquals(2, heard.size(), "comment " + id);
            assertEquals(CommentChanged.Kind.DECIDED, heard.get(1).kind());
            assertEquals(CommentStatus.PENDING, heard.get(1).from());
            assertEquals(CommentStatus.SPAM, heard.get(1).to());
            assertEquals(Actor.moderator(MODERATOR), heard.get(1).by());
        }
    }

    @Test
    void shouldAnnounceTheReportThresholdOnceAsTheSystemWithItsRuleAlreadyStored() {
        String article = article("PRE");
        long id = publishedComment(article, validComment());
        changes.watchRules(article);

        report(id, 3);

        List<CommentChanged> heard = changes.of(id);
        assertEquals(3, heard.size(), "posted, approved, hidden at the third report; the first two change nothing");
        assertEquals(CommentChanged.Kind.HELD_FOR_REPORTS, heard.get(2).kind());
        assertEquals(CommentStatus.APPROVED, heard.get(2).from());
        assertEquals(CommentStatus.PENDING, heard.get(2).to());
        assertEquals(Actor.SYSTEM, heard.get(2).by());
        assertEquals("reports: 3 open reports, threshold 3", heard.get(2).reason());
        assertEquals(List.of("reports"), changes.rulesSeenInTransaction(id),
                "a listener inside the transaction sees why the comment was hidden");
    }

    @Test
    void shouldAnnounceNothingOfARefusedDecision() {
        long id = postComment(article("PRE"));

        moderator().header("If-Match", "\"99\"").post("/api/moderation/comments/{id}/approve", id)
                .then().statusCode(412);

        assertEquals(1, changes.of(id).size());
    }

    @Test
    void shouldAnnounceNothingOfARefusedPost() {
        String article = article("PRE");
        Map<String, Object> comment = validComment();
        postComment(article, comment);

        post(article, comment).statusCode(409);

        assertEquals(1, changes.ofArticle(article).size(), "the first post only; the duplicate stored nothing");
    }

    @Test
    void shouldAnnounceNothingWhenTheTransactionRollsBack() {
        long id = postComment(article("PRE"));

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(lifecycle.decide(comments.findById(id), CommentStatus.APPROVED, Actor.SYSTEM, null, null));
            throw new IllegalStateException("rolled back after the change");
        }));

        assertEquals(1, changes.of(id).size());
        assertEquals(CommentStatus.PENDING, statusOf(id));
    }

    @Test
    void shouldAnnounceNothingOfAPostThatRollsBack() {
        String article = article("POST");

        failing.failingOn(article, () -> post(article, validComment()).statusCode(500));

        assertEquals(List.of(), changes.ofArticle(article));
        reader().get("/api/articles/{a}/comments", article).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldAnnounceOnlyTheCommittedDecisionsOfABulkWhoseLastFails() {
        long committed = postComment(article("PRE"));
        String failingArticle = article("PRE");
        long rolledBack = postComment(failingArticle);

        failing.failingOn(failingArticle, () -> moderator()
                .body(Map.of("action", "approve", "ids", List.of(committed, rolledBack)))
                .post("/api/moderation/bulk").then().statusCode(500));

        assertEquals(2, changes.of(committed).size(), "each comment of a bulk is decided in its own transaction");
        assertEquals(1, changes.of(rolledBack).size());
        assertEquals(CommentStatus.PENDING, statusOf(rolledBack));
    }

    @Test
    void shouldAnnounceNothingOfAReportThresholdThatRollsBack() {
        String article = article("PRE");
        long id = publishedComment(article, validComment());
        report(id, 2);

        failing.failingOn(article, () -> reader().header("X-Forwarded-For", randomIp())
                .body(Map.of("reason", "abuse")).post("/api/comments/{id}/reports", id).then().statusCode(500));

        assertEquals(2, changes.of(id).size(), "posted, approved");
        assertEquals(CommentStatus.APPROVED, statusOf(id));
    }

    @Test
    void shouldAnnounceNothingOfAnEditOrADeletionThatRollsBack() {
        String article = article("POST");
        JsonPath posted = post(article, validComment()).statusCode(201).extract().jsonPath();
        long id = posted.getLong("id");
        String token = posted.getString("editToken");

        failing.failingOn(article, () -> {
            reader().header("Comment-Token", token).body(Map.of("body", "Changed my mind"))
                    .patch("/api/comments/{id}", id).then().statusCode(500);
            reader().header("Comment-Token", token).delete("/api/comments/{id}", id).then().statusCode(500);
        });

        assertEquals(1, changes.of(id).size(), "posted");
        assertEquals(CommentStatus.APPROVED, statusOf(id));
        assertTrue(moderation(id).getString("body").startsWith("A thoughtful remark"));
    }

    @Test
    void shouldAnnounceAReadersOwnErasureOnceAsTheAuthor() {
        Map<String, Object> comment = validComment();
        String email = (String) comment.get("authorEmail");
        long id = publishedComment(article("PRE"), comment);

        reader().body(Map.of("token", eraseToken(email))).post("/api/commenters/erase").then().statusCode(200);

        List<CommentChanged> heard = changes.of(id);
        assertEquals(3, heard.size(), "posted, approved, erased");
        assertEquals(CommentChanged.Kind.ERASED, heard.get(2).kind());
        assertEquals(Actor.AUTHOR, heard.get(2).by());
        assertEquals(CommentStatus.APPROVED, heard.get(2).from());
        assertEquals(statusOf(id), heard.get(2).to());
        assertEquals("AUTHOR", moderation(id).getString("history[2].actorKind"));
    }

    @Test
    void shouldAnnounceNothingOfAnErasureThatRollsBack() {
        String article = article("PRE");
        Map<String, Object> comment = validComment();
        long id = publishedComment(article, comment);

        failing.failingOn(article, () -> admin().body(Map.of("email", comment.get("authorEmail")))
                .post("/api/admin/commenters/erase").then().statusCode(500));

        assertEquals(2, changes.of(id).size(), "posted, approved");
        assertEquals(comment.get("authorName"), moderation(id).getString("authorName"));
    }

    @Test
    void shouldAnnounceEachImportedCommentOnceAndShowTheApprovedOnesInTheCachedThreadAtOnce() throws Exception {
        String article = article("PRE");
        reader().get("/api/articles/{a}/comments", article).then().statusCode(200).body("total", equalTo(0));
        String metricsBefore = TestMetrics.scrape();

        JsonPath job = importWxr("format=wxr", wxr(article, "imported-a@example.org", "1", "imported-b@example.org",
                "1", "imported-c@example.org", "0"));

        assertEquals(3, job.getInt("comments.created"), job.prettify());
        reader().get("/api/articles/{a}/comments", article).then().statusCode(200).body("total", equalTo(2));
        List<CommentChanged> heard = changes.ofArticle(article);
        assertEquals(3, heard.size(), "one event per imported comment");
        assertEquals(3, heard.stream().map(CommentChanged::commentId).distinct().count());
        for (CommentChanged change : heard) {
            assertEquals(CommentChanged.Kind.IMPORTED, change.kind());
            assertEquals(null, change.from());
            assertEquals(Actor.IMPORT, change.by());
            assertEquals(false, change.trains());
            assertEquals(statusOf(change.commentId()), change.to());
        }
        assertEquals(2, heard.stream().filter(change -> change.to() == CommentStatus.APPROVED).count());
        String metricsAfter = TestMetrics.scrape();
        for (String series : List.of("comments_posted_total{outcome=\"published\"}",
                "comments_posted_total{outcome=\"held\"}", "comments_decisions_total{action=\"approve\",by=\"moderator\"}",
                "comments_decisions_total{action=\"hold\",by=\"system\"}")) {
            assertEquals(TestMetrics.value(metricsBefore, series), TestMetrics.value(metricsAfter, series),
                    series + " counted an import");
        }
        TestMail.settle();
        for (String address : List.of("imported-a@example.org", "imported-b@example.org", "imported-c@example.org")) {
            assertEquals(0, TestMail.to(address).size(), "an import mailed " + address);
        }
    }

    @Test
    void shouldSayOnTheEventWhetherAnImportTrainsTheLearnedFilter() throws Exception {
        String article = article("PRE");

        importWxr("format=wxr&train=true", wxr(article, "trained@example.org", "1"));

        List<CommentChanged> heard = changes.ofArticle(article);
        assertEquals(1, heard.size());
        assertEquals(CommentChanged.Kind.IMPORTED, heard.get(0).kind());
        assertTrue(heard.get(0).trains());
    }

    @Test
    void shouldAnnounceNothingOfAnImportThatRollsBack() {
        String article = article("PRE");

        failing.failingOn(article, () -> {
            JsonPath job = importWxr("format=wxr", wxr(article, "rolled-back@example.org", "1"));
            assertEquals(0, job.getInt("comments.created"), job.prettify());
        });

        assertEquals(List.of(), changes.ofArticle(article));
        reader().get("/api/articles/{a}/comments", article).then().statusCode(200).body("total", equalTo(0));
    }

    private CommentStatus statusOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> comments.findById(id).status());
    }

    private static void report(long id, int times) {
        for (int i = 0; i < times; i++) {
            reader().header("X-Forwarded-For", randomIp()).body(Map.of("reason", "abuse"))
                    .post("/api/comments/{id}/reports", id).then().statusCode(202);
        }
    }

    /** Asks for an erase link for the address and answers the token of the mail that brings it. */
    private static String eraseToken(String email) {
        int before = TestMail.to(email).size();
        reader().body(Map.of("email", email, "kind", "erase")).post("/api/commenters/data-request").then()
                .statusCode(202);
        // the post asked to confirm the address too: the link is in the mail about "your comments"
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (jakarta.mail.internet.MimeMessage mail : TestMail.await(email, before + 1)) {
                if (TestMail.subject(mail).startsWith("Your comments")) {
                    return TestMail.token(mail);
                }
            }
            before = TestMail.to(email).size();
        }
        throw new AssertionError("no erase link came to " + email);
    }

    /** A WordPress export of one post (slug {@code articleId}): a comment per address and status (1 or 0). */
    private static byte[] wxr(String articleId, String... addressesAndStatuses) {
        StringBuilder comments = new StringBuilder();
        // source ids are unique per import format across the whole database
        long first = System.nanoTime();
        for (int i = 0; i < addressesAndStatuses.length; i += 2) {
            comments.append("""
                    <wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author>Reader %d</wp:comment_author>
                    <wp:comment_author_email>%s</wp:comment_author_email>
                    <wp:comment_date_gmt>2024-05-01 10:0%d:00</wp:comment_date_gmt>
                    <wp:comment_content>An old remark number %d</wp:comment_content>
                    <wp:comment_approved>%s</wp:comment_approved></wp:comment>
                    """.formatted(first + i, i, addressesAndStatuses[i], i / 2, i, addressesAndStatuses[i + 1]));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
                <wp:base_site_url>https://old.example</wp:base_site_url>
                <item><title>Old</title><wp:post_id>1</wp:post_id><wp:post_name>%s</wp:post_name>
                <wp:post_type>post</wp:post_type>%s</item></channel></rss>
                """.formatted(articleId, comments).getBytes(StandardCharsets.UTF_8);
    }

    /** Imports a file and waits until its job has ended; answers the job. */
    private static JsonPath importWxr(String query, byte[] file) {
        long id = admin().contentType("application/xml").body(file).post("/api/admin/imports?" + query).then()
                .statusCode(202).extract().jsonPath().getLong("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonPath job = admin().get("/api/admin/imports/{id}", id).then().statusCode(200).extract().jsonPath();
            if (job.getString("status").equals("DONE") || job.getString("status").equals("FAILED")) {
                return job;
            }
            assertTrue(System.nanoTime() < deadline, "import " + id + " still " + job.getString("status"));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
