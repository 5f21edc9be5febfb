package news.comments.commenter;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.comments.RequireVerificationProfile;
import news.comments.TestMail;
import news.comments.comment.CommentLifecycle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static news.comments.TestApi.article;
import static news.comments.TestApi.moderation;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.post;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/**
 * With {@code comments.mail.require-verification}, a comment from an unverified address waits outside every queue
 * until its address is confirmed; then the rules judge it like any new comment.
 */
@QuarkusTest
@TestProfile(RequireVerificationProfile.class)
class RequireVerificationTest {

    @Inject
    CommentLifecycle lifecycle;

    @Test
    void shouldHoldACommentUntilItsAddressIsConfirmedThenJudgeIt() {
        String article = article("POST");
        Map<String, Object> comment = validComment();
        String email = (String) comment.get("authorEmail");
        long id = post(article, comment).statusCode(201).body("status", equalTo("UNVERIFIED"))
                .extract().jsonPath().getLong("id");
        reader().get("/api/articles/{a}/comments", article).then().body("total", equalTo(0));
        moderator().get("/api/moderation/queue").then().body("comments.id", not(hasItem((int) id)));

        TestMail.confirm(TestMail.await(email, 1).get(0));

        // POST mode: the rules publish it now
        reader().get("/api/articles/{a}/comments", article).then().body("total", equalTo(1));
        moderator().get("/api/moderation/comments/{id}", id).then().body("status", equalTo("APPROVED"))
                .body("history.to", org.hamcrest.Matchers.contains("UNVERIFIED", "APPROVED"));
    }

    @Test
    void shouldJudgeAWaitingCommentByTheRulesWhenItsAddressIsConfirmed() {
        String article = article("POST");
        Map<String, Object> comment = validComment();
        comment.put("body", "Links: https://a.example https://b.example https://c.example");
        String email = (String) comment.get("authorEmail");
        long id = post(article, comment).statusCode(201).extract().jsonPath().getLong("id");
        TestMail.confirm(TestMail.await(email, 1).get(0));

        org.junit.jupiter.api.Assertions.assertEquals("PENDING", moderation(id).getString("status"));
        org.junit.jupiter.api.Assertions.assertEquals("max-links",
                moderation(id).getString("autoDecision.rules[0].name"));
    }

    @Test
    void shouldRemoveCommentsThatWaitedLongerThanALinkLives() {
        Map<String, Object> comment = validComment();
        long id = post(article("PRE"), comment).statusCode(201).extract().jsonPath().getLong("id");

        moderator().get("/api/moderation/comments/{id}", id).then().statusCode(200);

        lifecycle.discardUnverifiedBefore(Instant.now().plusSeconds(1));

        moderator().get("/api/moderation/comments/{id}", id).then().statusCode(404);
    }
}
