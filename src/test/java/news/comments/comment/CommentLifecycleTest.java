package news.comments.comment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static news.comments.TestApi.MODERATOR;
import static news.comments.TestApi.approve;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.post;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.randomIp;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every path that changes a comment goes through {@link CommentLifecycle}, and a listener of committed changes hears
 * each change exactly once, with the statuses, the actor and the reason, and nothing of a change rolled back.
 */
@QuarkusTest
class CommentLifecycleTest {

    @Inject
    CommentChangesRecorder changes;
    @Inject
    CommentLifecycle lifecycle;
    @Inject
    CommentRepository comments;

    @Test
    void shouldAnnounceANewCommentOnceAsTheSystemsDecision() {
        long id = postComment(article("PRE"));

        List<CommentChanged> heard = changes.of(id);
        assertEquals(1, heard.size());
        assertEquals(null, heard.get(0).from());
        assertEquals(CommentStatus.PENDING, heard.get(0).to());
        assertEquals(Actor.SYSTEM, heard.get(0).by());
        assertEquals("pre-moderation: held for review", heard.get(0).reason());
    }

    @Test
    void shouldAnnounceAModeratorsDecisionOnceWithWhoAndWhy() {
        long id = postComment(article("PRE"));

        moderator().body(Map.of("reason", "off topic")).post("/api/moderation/comments/{id}/reject", id)
                .then().statusCode(200);

        List<CommentChanged> heard = changes.of(id);
        assertEquals(2, heard.size());
        CommentChanged decision = heard.get(1);
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
            assertEquals(CommentStatus.PENDING, heard.get(1).from());
            assertEquals(CommentStatus.SPAM, heard.get(1).to());
            assertEquals(Actor.moderator(MODERATOR), heard.get(1).by());
        }
    }

    @Test
    void shouldAnnounceTheReportThresholdOnceAsTheSystem() {
        long id = publishedComment(article("PRE"), validComment());

        for (int i = 0; i < 3; i++) {
            reader().header("X-Forwarded-For", randomIp()).body(Map.of("reason", "abuse"))
                    .post("/api/comments/{id}/reports", id).then().statusCode(202);
        }

        List<CommentChanged> heard = changes.of(id);
        assertEquals(3, heard.size(), "posted, approved, hidden at the third report; the first two change nothing");
        assertEquals(CommentStatus.APPROVED, heard.get(2).from());
        assertEquals(CommentStatus.PENDING, heard.get(2).to());
        assertEquals(Actor.SYSTEM, heard.get(2).by());
        assertEquals("reports: 3 open reports, threshold 3", heard.get(2).reason());
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
        long id = postComment(article, comment);

        post(article, comment).statusCode(409);

        assertEquals(1, changes.of(id).size());
        assertEquals(1, changes.of(id).stream().filter(c -> c.from() == null).count());
    }

    @Test
    void shouldAnnounceNothingWhenTheTransactionRollsBack() {
        long id = postComment(article("PRE"));

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(lifecycle.decide(comments.findById(id), CommentStatus.APPROVED, Actor.SYSTEM, null, null));
            throw new IllegalStateException("rolled back after the change");
        }));

        assertEquals(1, changes.of(id).size());
        assertEquals(CommentStatus.PENDING, QuarkusTransaction.requiringNew()
                .call(() -> comments.findById(id).status()));
    }
}
