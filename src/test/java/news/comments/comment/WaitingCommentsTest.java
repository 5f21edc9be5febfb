package news.comments.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.comments.RequireVerificationProfile;
import news.comments.TestMail;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.post;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Comments that wait for their address go through the lifecycle like every other: one event when the address is
 * confirmed, one when they are discarded, and a discard takes every row that points at the comment with it, or
 * detaches it (a ban made from the comment stays).
 */
@QuarkusTest
@TestProfile(RequireVerificationProfile.class)
class WaitingCommentsTest {

    @Inject
    CommentChangesRecorder changes;
    @Inject
    CommentLifecycle lifecycle;

    @Test
    void shouldAnnounceTheReleaseOnceAsTheSystemsDecisionWithItsRulesAlreadyStored() {
        String article = article("POST");
        changes.watchRules(article);
        Map<String, Object> comment = validComment();
        comment.put("body", "Links: https://a.example https://b.example https://c.example");
        String email = (String) comment.get("authorEmail");
        long id = post(article, comment).statusCode(201).extract().jsonPath().getLong("id");

        TestMail.confirm(TestMail.await(email, 1).get(0));

        List<CommentChanged> heard = changes.of(id);
        assertEquals(2, heard.size(), "posted as waiting, released");
        assertEquals(CommentStatus.UNVERIFIED, heard.get(0).to());
        CommentChanged release = heard.get(1);
        assertEquals(CommentChanged.Kind.RELEASED, release.kind());
        assertEquals(CommentStatus.UNVERIFIED, release.from());
        assertEquals(CommentStatus.PENDING, release.to());
        assertEquals(Actor.SYSTEM, release.by());
        assertTrue(release.reason().startsWith("address verified; "), release.reason());
        assertEquals(List.of("max-links"), changes.rulesSeenInTransaction(id));
    }

    @Test
    void shouldDiscardAWaitingCommentWithItsKeysAndKeepItsBanAndAnnounceIt() {
        String article = article("PRE");
        long id = reader().header("Idempotency-Key", "discard-" + System.nanoTime()).body(validComment())
                .post("/api/articles/{a}/comments", article).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        long ban = moderator().body(Map.of("reason", "spammer")).post("/api/moderation/comments/{id}/ban", id)
                .then().statusCode(201).extract().jsonPath().getLong("id");

        assertTrue(lifecycle.discardUnverifiedBefore(Instant.now().plusSeconds(1)) >= 1);

        moderator().get("/api/moderation/comments/{id}", id).then().statusCode(404);
        moderator().get("/api/moderation/bans").then().statusCode(200).body("id", hasItem((int) ban))
                .body("find { it.id == " + ban + " }.commentId", nullValue());
        List<CommentChanged> heard = changes.of(id);
        assertEquals(2, heard.size(), "posted as waiting, discarded");
        CommentChanged discard = heard.get(1);
        assertEquals(CommentChanged.Kind.DISCARDED, discard.kind());
        assertEquals(CommentStatus.UNVERIFIED, discard.from());
        assertEquals(CommentStatus.DELETED, discard.to());
        assertEquals(Actor.SYSTEM, discard.by());
        reader().get("/api/articles/{a}/comments", article).then().statusCode(200).body("total", equalTo(0));
    }
}
