package news.comments.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import news.comments.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static news.comments.TestApi.article;
import static news.comments.TestApi.moderation;
import static news.comments.TestApi.post;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code comments.author.edit-window} configured short (two seconds): an edit one second after posting is saved,
 * one second past the window is refused, and the author may still delete the comment.
 */
@QuarkusTest
@TestProfile(ShortEditWindowTest.TwoSeconds.class)
class ShortEditWindowTest {

    private static final Duration WINDOW = Duration.ofSeconds(2);

    public static class TwoSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a database of its own, as in ForwardedHeadersIgnoredTest: this profile starts another application
            return Map.of("%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:comments-short-edit;DB_CLOSE_DELAY=-1",
                    "comments.author.edit-window", "PT2S");
        }
    }

    @Test
    void shouldEditInsideAShortWindowAndNotOneSecondPastItButStillDelete() {
        JsonPath answer = post(article("POST"), validComment()).statusCode(201).extract().jsonPath();
        long id = answer.getLong("id");
        String token = answer.getString("editToken");
        Instant createdAt = Instant.parse(answer.getString("createdAt"));
        assertEquals(createdAt.plus(WINDOW), Instant.parse(answer.getString("editableUntil")));

        // the clock is set relative to the comment's time, so a slow machine cannot move the test across the edge
        TestClock.runAhead(Duration.between(Instant.now(), createdAt.plusSeconds(1)), () -> reader()
                .header("Comment-Token", token).body(Map.of("body", "Fixed within the window"))
                .patch("/api/comments/{id}", id).then().statusCode(200)
                .body("body", equalTo("Fixed within the window")));
        TestClock.runAhead(Duration.between(Instant.now(), createdAt.plus(WINDOW).plusSeconds(1)), () -> {
            reader().header("Comment-Token", token).body(Map.of("body", "Too late"))
                    .patch("/api/comments/{id}", id).then().statusCode(403)
                    .body("type", equalTo("/problems/edit-window-closed"));
            reader().header("Comment-Token", token).delete("/api/comments/{id}", id).then().statusCode(204);
        });

        assertEquals("DELETED", moderation(id).getString("status"));
        assertEquals("Fixed within the window", moderation(id).getString("body"));
    }
}
