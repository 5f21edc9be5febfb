package news.comments.notify;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import news.comments.TestMail;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static news.comments.TestApi.approve;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mail to readers who asked for it, and only to verified addresses: a reply published, their comment published, a
 * rejection with the moderator's reason; never for spam, pending or their own replies. Every notification can be
 * stopped with one click, and a GET of the link changes nothing.
 */
@QuarkusTest
class NotificationsTest {

    private static final String REPLIER_IP = "198.51.100.77";
    private static final String REPLIER_AGENT = "Replier-Agent/9.9";

    /** A verified author's approved comment that asks for reply and publication mail; answers [id, email]. */
    private static Object[] verifiedParent(String article) {
        Map<String, Object> parent = validComment();
        String email = (String) parent.get("authorEmail");
        String key = TestMail.verify(email, article);
        parent.put("commenterKey", key);
        parent.put("notifyReplies", true);
        parent.put("notifyPublished", true);
        long id = postComment(article, parent);
        approve(id);
        return new Object[]{id, email};
    }

    private static long reply(String article, long parentId, Map<String, Object> reply) {
        reply.put("parentId", parentId);
        return reader().header("X-Forwarded-For", REPLIER_IP).header("User-Agent", REPLIER_AGENT).body(reply)
                .post("/api/articles/{a}/comments", article).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void shouldMailTheParentsAuthorOnceWhenAReplyIsPublishedAndNeverBefore() {
        String article = article("PRE");
        Object[] parent = verifiedParent(article);
        String email = (String) parent[1];
        int before = TestMail.await(email, 2).size(); // the verification mail and "your comment is published"

        Map<String, Object> pending = validComment();
        long held = reply(article, (long) parent[0], pending);
        moderator().body(Map.of("reason", "off topic", "notifyAuthor", true))
                .post("/api/moderation/comments/{id}/reject", held).then().statusCode(200);
        Map<String, Object> spam = validComment();
        moderator().post("/api/moderation/comments/{id}/spam", reply(article, (long) parent[0], spam)).then()
                .statusCode(200);
        Map<String, Object> good = validComment();
        good.put("body", "I see it differently, and here is why: the deal was signed a year ago.");
        long published = reply(article, (long) parent[0], good);
        TestMail.settle();
        assertEquals(before, TestMail.to(email).size(), "nothing for pending, rejected or spam replies");

        approve(published);
        MimeMessage mail = TestMail.await(email, before + 1).get(before);
        TestMail.settle();
        assertEquals(before + 1, TestMail.to(email).size(), "one mail per published reply");
        String text = TestMail.text(mail);
        assertTrue(TestMail.subject(mail).startsWith(good.get("authorName") + " replied to your comment"));
        assertTrue(text.contains("I see it differently"));
        assertTrue(text.contains("#comment-" + published));
        String all = TestMail.raw(mail);
        assertFalse(all.contains((String) good.get("authorEmail")), "never the replier's address");
        assertFalse(all.contains(REPLIER_IP));
        assertFalse(all.contains(REPLIER_AGENT));

        // hidden by reports and approved again: no second mail for the same reply
        moderator().post("/api/moderation/comments/{id}/reject", published).then().statusCode(200);
        approve(published);
        TestMail.settle();
        assertEquals(before + 1, TestMail.to(email).size());
    }

    @Test
    void shouldNotMailAboutOnesOwnReply() {
        String article = article("POST");
        Object[] parent = verifiedParent(article);
        String email = (String) parent[1];
        int before = TestMail.await(email, 1).size();

        Map<String, Object> own = validComment();
        own.put("authorEmail", email.toUpperCase());
        reply(article, (long) parent[0], own);
        TestMail.settle();
        assertEquals(before, TestMail.to(email).size());
    }

    @Test
    void shouldMailAnUnverifiedAddressNothingButItsOneConfirmation() {
        String article = article("POST");
        Map<String, Object> parent = validComment();
        String email = (String) parent.get("authorEmail");
        parent.put("notifyReplies", true);
        parent.put("notifyPublished", true);
        long id = postComment(article, parent);
        reply(article, id, validComment());
        reply(article, id, validComment());
        TestMail.settle();

        List<MimeMessage> mails = TestMail.to(email);
        assertEquals(1, mails.size());
        assertTrue(TestMail.subject(mails.get(0)).startsWith("Confirm your address"));
    }

    @Test
    void shouldMailThePublicationAndARejectionsReasonButNothingForSpam() {
        String article = article("PRE");
        Map<String, Object> author = validComment();
        String email = (String) author.get("authorEmail");
        String key = TestMail.verify(email, article);
        author.put("commenterKey", key);
        author.put("notifyPublished", true);
        int before = TestMail.await(email, 1).size();

        long approved = postComment(article, author);
        approve(approved);
        MimeMessage published = TestMail.await(email, before + 1).get(before);
        assertTrue(TestMail.subject(published).startsWith("Your comment is published"));
        assertTrue(TestMail.text(published).contains("#comment-" + approved));

        author.put("body", "A second comment, to be rejected");
        long rejected = postComment(article, author);
        moderator().body(Map.of("reason", "Please keep to the topic of the article.", "notifyAuthor", true))
                .post("/api/moderation/comments/{id}/reject", rejected).then().statusCode(200);
        MimeMessage reason = TestMail.await(email, before + 2).get(before + 1);
        assertTrue(TestMail.text(reason).contains("Please keep to the topic of the article."));

        author.put("body", "A third comment, rejected silently");
        moderator().body(Map.of("reason", "internal note"))
                .post("/api/moderation/comments/{id}/reject", postComment(article, author)).then().statusCode(200);
        author.put("body", "A fourth comment, spam");
        moderator().body(Map.of("reason", "spam it is", "notifyAuthor", true))
                .post("/api/moderation/comments/{id}/spam", postComment(article, author)).then().statusCode(200);
        TestMail.settle();
        assertEquals(before + 2, TestMail.to(email).size(), "no mail without notifyAuthor, none ever for spam");
    }

    @Test
    void shouldUnsubscribeWithOneClickAndNotOnAGet() {
        String article = article("POST");
        Object[] parent = verifiedParent(article);
        String email = (String) parent[1];
        int before = TestMail.await(email, 1).size();
        reply(article, (long) parent[0], validComment());
        MimeMessage mail = TestMail.await(email, before + 1).get(before);

        String unsubscribe = TestMail.header(mail, "List-Unsubscribe");
        assertEquals("List-Unsubscribe=One-Click", TestMail.header(mail, "List-Unsubscribe-Post"));
        assertTrue(unsubscribe.startsWith("<http://localhost:8080/api/commenters/unsubscribe?token="));
        String token = TestMail.token(mail);
        assertTrue(unsubscribe.contains(token));

        // a mail scanner opens the link: a page with a button, nothing changes
        reader().queryParam("token", token).get("/api/commenters/unsubscribe").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("<button"));
        reply(article, (long) parent[0], validComment());
        TestMail.await(email, before + 2);

        // the mail client's one-click POST (RFC 8058)
        reader().contentType("application/x-www-form-urlencoded").queryParam("token", token)
                .formParam("List-Unsubscribe", "One-Click").post("/api/commenters/unsubscribe").then()
                .statusCode(200).body(containsString("no more mail about replies"));
        reply(article, (long) parent[0], validComment());
        TestMail.settle();
        assertEquals(before + 2, TestMail.to(email).size());

        reader().body(Map.of("token", "forged")).post("/api/commenters/unsubscribe").then().statusCode(400)
                .body("type", org.hamcrest.Matchers.equalTo("/problems/invalid-token"));
    }

    @Test
    void shouldStopAllMailWithTheLinkOfAPublicationMail() {
        String article = article("PRE");
        Map<String, Object> author = validComment();
        String email = (String) author.get("authorEmail");
        author.put("commenterKey", TestMail.verify(email, article));
        author.put("notifyPublished", true);
        author.put("notifyReplies", true);
        int before = TestMail.await(email, 1).size();
        long id = postComment(article, author);
        approve(id);
        String token = TestMail.token(TestMail.await(email, before + 1).get(before));

        reader().body(Map.of("token", token)).post("/api/commenters/unsubscribe").then().statusCode(200)
                .body("unsubscribed", org.hamcrest.Matchers.equalTo("all"));
        Map<String, Object> reply = validComment();
        reply.put("parentId", id);
        approve(postComment(article, reply));
        TestMail.settle();
        assertEquals(before + 1, TestMail.to(email).size());
    }
}
