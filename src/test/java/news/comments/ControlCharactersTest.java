package news.comments;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postComment;
import static org.hamcrest.Matchers.equalTo;

/**
 * Free text outside the comment form (moderation reasons, article titles) loses its control characters too. On H2 a
 * NUL byte would be stored; PostgreSQL refuses it with an error, which used to surface as a 500.
 */
@QuarkusTest
class ControlCharactersTest {

    @Test
    void shouldStripNulBytesFromModerationReasons() {
        long id = postComment(newArticleId());
        moderator().body(Map.of("reason", "looks\u0000 fine\nto me")).post("/api/moderation/comments/{id}/approve", id)
                .then().statusCode(200)
                .body("history[1].reason", equalTo("looks fine\nto me"));
        long other = postComment(newArticleId());
        moderator().body(Map.of("action", "reject", "ids", List.of(other), "reason", "\u0000off topic"))
                .post("/api/moderation/bulk").then().statusCode(200)
                .body("results[0].outcome", equalTo("changed"));
        moderator().get("/api/moderation/comments/{id}", other).then().body("history[1].reason", equalTo("off topic"));
    }

    @Test
    void shouldStripNulBytesFromArticleTitles() {
        admin().body(Map.of("title", "Arms\u0000 deal", "commentsOpen", true))
                .put("/api/admin/articles/{a}", newArticleId()).then()
                .statusCode(201)
                .body("title", equalTo("Arms deal"));
    }
}
