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
    /**
     * The hole of opt-ins without proof: anyone can type a verified address and ask for mail. Without the key, the
     * owner hears nothing about that comment (no publication, no reply, no rejection); with it, the mail comes.
     */
    @Test
    void shouldMailTheOwnerNothingAboutACommentPostedWithTheirAddressWithoutTheirKey() {
        String article = article("PRE");
        Map<String, Object> owner = validComment();
        String email = (String) owner.get("authorEmail");
        String key = TestMail.verify(email, article);
        int before = TestMail.await(email, 1).size();

        Map<String, Object> impostor = validComment();
        impostor.put("authorEmail", email.toUpperCase());
        impostor.put("authorName", owner.get("authorName"));
        impostor.put("body", "Under a borrowed name, asking for mail");
        impostor.put("notifyReplies", true);
        impostor.put("notifyPublished", true);
        long borrowed = postComment(article, impostor);
        approve(borrowed);
        Map<String, Object> reply = validComment();
        reply.put("body", "Text of the impostor's choosing, for the owner's mailbox");
        approve(reply(article, borrowed, reply));
        impostor.put("body", "Another one under a borrowed name");
        moderator().body(Map.of("reason", "Please keep to the topic.", "notifyAuthor", true))
                .post("/api/moderation/comments/{id}/reject", postComment(article, impostor)).then().statusCode(200);
        TestMail.settle();
        assertEquals(before, TestMail.to(email).size(), "nothing about comments posted without the key");

        // with the key: published at once (the approved comment above makes the address a returning commenter's,
        // so no publication mail), and a reply is mailed
        owner.put("commenterKey", key);
        owner.put("notifyReplies", true);
        long own = postComment(article, owner);
        assertEquals("APPROVED", news.comments.TestApi.moderation(own).getString("status"));
        long answer = reply(article, own, validComment());
        approve(answer);
        assertTrue(TestMail.text(TestMail.await(email, before + 1).get(before)).contains("#comment-" + answer));
    }

    /**
     * Opting in from an unverified address sends only the confirmation; once its owner follows that link, the mail
     * about the comment it was sent for starts.
     */
    @Test
    void shouldStartTheMailAboutACommentOnceItsAuthorConfirmsTheLinkMailedForIt() {
        String article = article("POST");
        Map<String, Object> author = validComment();
        String email = (String) author.get("authorEmail");
        author.put("notifyReplies", true);
        long id = postComment(article, author);
        reply(article, id, validComment());
        MimeMessage confirmation = TestMail.await(email, 1).get(0);
        TestMail.settle();
        assertEquals(1, TestMail.to(email).size(), "only the confirmation before confirming");
        assertTrue(TestMail.text(confirmation).contains("posted a comment"));

        TestMail.confirm(confirmation);
        Map<String, Object> later = validComment();
        later.put("body", "A reply after the confirmation");
        reply(article, id, later);
        MimeMessage mail = TestMail.await(email, 2).get(1);
        assertTrue(TestMail.text(mail).contains("A reply after the confirmation"));
    }

    @Test
    void shouldRefuseToTellTheAuthorWhyWithoutAReason() {
        long id = postComment(article("PRE"), validComment());
        moderator().body(Map.of("notifyAuthor", true)).post("/api/moderation/comments/{id}/reject", id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("reason"));
        moderator().body(Map.of("reason", "  ", "notifyAuthor", true))
                .post("/api/moderation/comments/{id}/reject", id).then().statusCode(400);
        assertEquals("PENDING", news.comments.TestApi.moderation(id).getString("status"), "nothing changed");
        // approve and spam send no reason to anyone, and ignore the flag
        moderator().body(Map.of("notifyAuthor", true)).post("/api/moderation/comments/{id}/approve", id).then()
                .statusCode(200);
    }

    /** RFC 8058: the mail client's one-click POST may be multipart/form-data as well as form-urlencoded. */
    @Test
    void shouldUnsubscribeWithAMultipartOneClickPost() {
        String article = article("POST");
        Object[] parent = verifiedParent(article);
        String email = (String) parent[1];
        int before = TestMail.await(email, 1).size();
        reply(article, (long) parent[0], validComment());
        String token = TestMail.token(TestMail.await(email, before + 1).get(before));

        reader().contentType("multipart/form-data").multiPart("List-Unsubscribe", "One-Click")
                .queryParam("token", token).post("/api/commenters/unsubscribe").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("no more mail about replies"));
        reply(article, (long) parent[0], validComment());
        TestMail.settle();
        assertEquals(before + 1, TestMail.to(email).size());
    }
}
