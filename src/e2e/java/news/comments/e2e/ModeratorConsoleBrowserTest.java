package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.net.URL;

import static news.comments.TestApi.MODERATOR;
import static news.comments.TestApi.MODERATOR_PASSWORD;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postComment;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console's bulk decision, driven by the keyboard's selection, and the history it leaves. */
@QuarkusTest
class ModeratorConsoleBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldRejectTheSelectedCommentsAtOnceWithTheReasonInTheirHistory() throws Exception {
        moderator();
        String article = newArticleId();
        long first = postComment(article);
        long second = postComment(article);
        long third = postComment(article);
        try (Browser console = Browser.start()) {
            Pages.signIn(console, root.toString(), MODERATOR, MODERATOR_PASSWORD);
            Pages.filterByArticle(console, article);
            console.await(d -> d.findElements(By.cssSelector("#queue-list .item")).size() == 3);

            // Esc leaves the filter for the highlighted (first) comment; x selects it, j j moves to the third
            Actions keys = new Actions(console.driver());
            keys.sendKeys(Keys.ESCAPE).sendKeys("x").sendKeys("j").sendKeys("j").sendKeys("x").perform();
            console.awaitText("#selected-count", "2 selected");
            Pages.type(console.find("#reason"), "off topic");
            console.find("[data-bulk=reject]").click();
            console.awaitText("#toast", "2 comments rejected");
            console.await(d -> d.findElements(By.cssSelector("#queue-list .item")).size() == 1);
            assertEquals(String.valueOf(second), console.find("#queue-list .item").getDomAttribute("data-id"));
            console.screenshot("console-bulk-rejected");

            for (long id : new long[] {first, third}) {
                moderator().get("/api/moderation/comments/{id}", id).then()
                        .body("status", equalTo("REJECTED"))
                        .body("history[1].actor", equalTo(MODERATOR))
                        .body("history[1].reason", equalTo("off topic"));
            }
        }
    }
}
