package news.comments.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.comments.TestApi;
import news.comments.TestClock;
import news.comments.TestSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.article;
import static news.comments.TestApi.moderation;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.post;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The author of a comment, holding its editToken (header {@code Comment-Token}), sees it in any status, edits it
 * within {@code comments.author.edit-window} (15 minutes in the test profile too; the clock is moved), and deletes
 * it; nobody else learns that an unpublished comment exists. Each change is one {@link CommentChanged} by the author.
 */
@QuarkusTest
class AuthorCommentsTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    CommentChangesRecorder changes;

    /** Posts a comment and answers the post's answer. */
    private static JsonPath posted(String articleId, Map<String, Object> comment) {
        return post(articleId, comment).statusCode(201).extract().jsonPath();
    }

    @Test
    void shouldShowTheAuthorTheirPendingCommentWithTheTokenAndNobodyWithout() {
        JsonPath answer = posted(article("PRE"), validComment());
        long id = answer.getLong("id");
        String token = answer.getString("editToken");
        assertNotNull(token);
        Instant createdAt = Instant.parse(answer.getString("createdAt"));
        assertEquals(createdAt.plus(WINDOW), Instant.parse(answer.getString("editableUntil")));

        reader().header("Comment-Token", token).get("/api/comments/{id}", id).then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-store")).header("Vary", containsString("Comment-Token"))
                .body("id", equalTo((int) id)).body("status", equalTo("PENDING"))
                .body("body", equalTo(answer.getString("body"))).body("bodyHtml", notNullValue())
                .body("editedAt", nullValue()).body("editableUntil", equalTo(answer.getString("editableUntil")))
                .body("authorEmail", nullValue()).body("ip", nullValue());
        reader().get("/api/comments/{id}", id).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        reader().header("Comment-Token", "wrong-" + token).get("/api/comments/{id}", id).then().statusCode(404);
    }

    @Test
    void shouldStoreOnlyTheHashOfTheEditToken() {
        JsonPath answer = posted(article("PRE"), validComment());
        String stored = hashOf(answer.getLong("id"));
        assertEquals(news.comments.web.Hashes.sha256Hex(answer.getString("editToken")), stored);
    }

    @Inject
    jakarta.persistence.EntityManager entityManager;

    private String hashOf(long id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select edit_token_hash from comment where id = ?1").setParameter(1, id)
                .getSingleResult());
    }

    @Test
    void shouldGiveTheSameEditTokenToARetriedPostAndKeepItSealedInTheDatabase() {
        String articleId = article("PRE");
        Map<String, Object> comment = validComment();
        String key = java.util.UUID.randomUUID().toString();
        JsonPath first = reader().header("Idempotency-Key", key).body(comment)
                .post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath();
        String token = first.getString("editToken");
        String stored = storedAnswerOf(first.getLong("id"));
        assertFalse(stored.contains(token), "the stored answer holds the editToken in clear: " + stored);
        assertFalse(stored.contains((String) comment.get("body")), "the stored answer is readable: " + stored);

        reader().header("Idempotency-Key", key).body(comment).post("/api/articles/{a}/comments", articleId).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("editToken", equalTo(token))
                .body("id", equalTo(first.getInt("id"))).body("body", equalTo(comment.get("body")));
        // the same key on another article is another key: a new comment, not the sealed answer
        reader().header("Idempotency-Key", key).body(comment).post("/api/articles/{a}/comments", article("PRE"))
                .then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .body("id", not(equalTo(first.getInt("id"))));
    }

    private String storedAnswerOf(long commentId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select response from idempotency_key where comment_id = ?1")
                .setParameter(1, commentId).getSingleResult().toString());
    }

    @Test
    void shouldLetTheAuthorEditInsideTheWindowAndNotOneSecondPast() {
        String articleId = article("POST");
        JsonPath answer = posted(articleId, validComment());
        long id = answer.getLong("id");
        String token = answer.getString("editToken");
        Instant createdAt = Instant.parse(answer.getString("createdAt"));

        TestClock.runAhead(WINDOW.minusSeconds(5), () -> reader().header("Comment-Token", token)
                .body(Map.of("body", "Fixed my typo")).patch("/api/comments/{id}", id).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("body", equalTo("Fixed my typo"))
                .body("bodyHtml", equalTo("<p>Fixed my typo</p>")).body("editedAt", notNullValue())
                .header("Cache-Control", equalTo("private, no-store")).header("Vary", containsString("Comment-Token")));
        reader().get("/api/comments/{id}", id).then().statusCode(200).header("Vary", containsString("Comment-Token"))
                .body("body", equalTo("Fixed my typo")).body("editedAt", notNullValue());
        reader().get("/api/articles/{a}/comments", articleId).then()
                .body("comments[0].editedAt", notNullValue()).body("comments[0].body", equalTo("Fixed my typo"));

        Duration past = Duration.between(Instant.now(), createdAt.plus(WINDOW).plusSeconds(1));
        TestClock.runAhead(past, () -> reader().header("Comment-Token", token)
                .body(Map.of("body", "Too late")).patch("/api/comments/{id}", id).then().statusCode(403)
                .body("type", equalTo("/problems/edit-window-closed")).body("status", equalTo(403)));
        reader().get("/api/comments/{id}", id).then().body("body", equalTo("Fixed my typo"));

        List<String> actors = moderation(id).getList("history.actor");
        assertEquals("author", actors.get(actors.size() - 1));
        List<CommentChanged> heard = changes.of(id);
        assertEquals(2, heard.size(), "posted, edited; the refused edit is no change");
        assertEquals(Actor.AUTHOR, heard.get(1).by());
        assertEquals(CommentStatus.APPROVED, heard.get(1).from());
        assertEquals(CommentStatus.APPROVED, heard.get(1).to());
    }

    @Test
    void shouldAnswerAWrongTokenAsIfTheCommentDidNotExist() {
        JsonPath answer = posted(article("POST"), validComment());
        long id = answer.getLong("id");
        reader().header("Comment-Token", "not-the-token").body(Map.of("body", "Hijacked"))
                .patch("/api/comments/{id}", id).then().statusCode(404).body("type", equalTo("/problems/not-found"));
        reader().body(Map.of("body", "Hijacked")).patch("/api/comments/{id}", id).then().statusCode(404);
        reader().header("Comment-Token", "not-the-token").delete("/api/comments/{id}", id).then().statusCode(404);
        reader().get("/api/comments/{id}", id).then().statusCode(200).body("body", equalTo(answer.getString("body")));
    }

    @Test
    void shouldCheckAnEditByTheFormsRules() {
        JsonPath answer = posted(article("POST"), validComment());
        reader().header("Comment-Token", answer.getString("editToken")).body(Map.of("body", "   "))
                .patch("/api/comments/{id}", answer.getLong("id")).then().statusCode(400)
                .body("violations.field", hasItem("body"));
    }

    @Test
    void shouldSendAnApprovedCommentBackToPendingWhenAnEditAddsAHeldWord() {
        String articleId = article("POST");
        JsonPath answer = posted(articleId, validComment());
        long id = answer.getLong("id");
        reader().get("/api/articles/{a}/comments", articleId).then().body("comments.id", hasItem((int) id));

        TestSettings.with(s -> s.put("holdWords", List.of("casino")), () ->
                reader().header("Comment-Token", answer.getString("editToken"))
                        .body(Map.of("body", "Visit my casino")).patch("/api/comments/{id}", id).then()
                        .statusCode(200).body("status", equalTo("PENDING")));

        reader().get("/api/articles/{a}/comments", articleId).then().body("comments.id", not(hasItem((int) id)));
        reader().get("/api/comments/{id}", id).then().statusCode(404);
        JsonPath seen = moderation(id);
        assertEquals("PENDING", seen.getString("status"));
        assertEquals(List.of("hold-word"), seen.getList("autoDecision.rules.name"));
        CommentChanged edit = changes.of(id).get(1);
        assertEquals(CommentStatus.APPROVED, edit.from());
        assertEquals(CommentStatus.PENDING, edit.to());
        assertEquals(Actor.AUTHOR, edit.by());
    }

    @Test
    void shouldNeverApproveAPendingCommentByAnEdit() {
        JsonPath answer = posted(article("PRE"), validComment());
        reader().header("Comment-Token", answer.getString("editToken")).body(Map.of("body", "Now harmless"))
                .patch("/api/comments/{id}", answer.getLong("id")).then().statusCode(200)
                .body("status", equalTo("PENDING"));
    }

    @Test
    void shouldDeleteACommentFromEveryPublicViewAndKeepItsReplies() {
        String articleId = article("POST");
        JsonPath answer = posted(articleId, validComment());
        long id = answer.getLong("id");
        Map<String, Object> reply = validComment();
        reply.put("parentId", id);
        long replyId = post(articleId, reply).statusCode(201).extract().jsonPath().getLong("id");

        reader().header("Comment-Token", answer.getString("editToken")).delete("/api/comments/{id}", id).then()
                .statusCode(204);

        // the reply stays, naming a parent that is not in the thread: a page shows it at the top level
        JsonPath thread = reader().get("/api/articles/{a}/comments", articleId).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of(replyId), thread.getList("comments.id", Long.class));
        assertEquals(id, thread.getLong("comments[0].parentId"));
        assertEquals(1, thread.getInt("total"));
        reader().get("/api/comments/{id}", id).then().statusCode(404);
        reader().header("Comment-Token", answer.getString("editToken")).get("/api/comments/{id}", id).then()
                .statusCode(200).body("status", equalTo("DELETED")).body("editableUntil", nullValue());
        JsonPath seen = moderation(id);
        assertEquals("DELETED", seen.getString("status"));
        assertEquals("deleted by its author", seen.getList("history.reason").get(1));
        // deleting again changes nothing
        reader().header("Comment-Token", answer.getString("editToken")).delete("/api/comments/{id}", id).then()
                .statusCode(204);
        List<CommentChanged> heard = changes.of(id);
        assertEquals(2, heard.size());
        assertEquals(CommentStatus.DELETED, heard.get(1).to());
        assertEquals(Actor.AUTHOR, heard.get(1).by());
        reader().header("Comment-Token", answer.getString("editToken")).body(Map.of("body", "Back"))
                .patch("/api/comments/{id}", id).then().statusCode(404);
    }

    @Test
    void shouldKeepASpamCommentSpamAndItsAuthorUntrustedWhenTheAuthorDeletesIt() {
        String articleId = article("PRE");
        Map<String, Object> author = validComment();
        String key = news.comments.TestMail.verify((String) author.get("authorEmail"), articleId);
        author.put("commenterKey", key);
        TestApi.publishedComment(articleId, author);
        JsonPath answer = posted(articleId, withBody(author, "Buy followers here"));
        long id = answer.getLong("id");
        assertEquals("APPROVED", answer.getString("status"), "a returning commenter with their key is trusted");
        moderator().post("/api/moderation/comments/{id}/spam", id).then().statusCode(200);

        reader().header("Comment-Token", answer.getString("editToken")).delete("/api/comments/{id}", id).then()
                .statusCode(204);

        JsonPath seen = moderation(id);
        assertEquals("SPAM", seen.getString("status"));
        assertFalse(seen.getList("history.actor").contains("author"), "the delete wrote no history line");
        assertEquals(2, changes.of(id).size(), "posted, spam: the delete is no change");
        reader().header("Comment-Token", answer.getString("editToken")).get("/api/comments/{id}", id).then()
                .statusCode(200).body("status", equalTo("PENDING"));
        // the spam still counts: the author's key no longer earns trust
        assertEquals("PENDING", posted(articleId, withBody(author, "Trust me again")).getString("status"));
    }

    @Test
    void shouldKeepARejectedCommentRejectedWhenTheAuthorDeletesIt() {
        JsonPath answer = posted(article("PRE"), validComment());
        long id = answer.getLong("id");
        moderator().post("/api/moderation/comments/{id}/reject", id).then().statusCode(200);

        reader().header("Comment-Token", answer.getString("editToken")).delete("/api/comments/{id}", id).then()
                .statusCode(204);

        assertEquals("REJECTED", moderation(id).getString("status"));
        reader().header("Comment-Token", answer.getString("editToken")).get("/api/comments/{id}", id).then()
                .statusCode(200).body("status", equalTo("REJECTED"));
        assertEquals(2, changes.of(id).size(), "posted, rejected: the delete is no change");
    }

    private static Map<String, Object> withBody(Map<String, Object> comment, String body) {
        Map<String, Object> copy = new java.util.HashMap<>(comment);
        copy.put("body", body);
        return copy;
    }

    @Test
    void shouldShowSpamToItsAuthorAsPending() {
        String articleId = article("POST");
        TestSettings.with(s -> s.put("blockWords", List.of("viagra")), () -> {
            Map<String, Object> comment = validComment();
            comment.put("body", "cheap viagra");
            JsonPath answer = posted(articleId, comment);
            reader().header("Comment-Token", answer.getString("editToken"))
                    .get("/api/comments/{id}", answer.getLong("id")).then().body("status", equalTo("PENDING"));
        });
    }
}
