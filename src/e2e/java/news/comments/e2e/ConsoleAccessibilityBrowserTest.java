package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URL;
import java.util.List;

import static news.comments.TestApi.ADMIN;
import static news.comments.TestApi.ADMIN_PASSWORD;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postComment;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * axe-core's landmark and heading rules on every view of the console: each view shown is the page's one main
 * landmark, and headings go down one level at a time (the queue's comments under its h1).
 */
@QuarkusTest
class ConsoleAccessibilityBrowserTest {

    /** The rules of issue 13, and their neighbours that a fix of them could break. */
    private static final String[] RULES = {"heading-order", "landmark-one-main", "landmark-no-duplicate-main",
        "page-has-heading-one", "landmark-unique", "empty-heading"};

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldGiveEveryViewOneMainLandmarkAndHeadingsInOrder() throws Exception {
        String article = newArticleId();
        postComment(article);
        postComment(article);
        try (Browser console = Browser.start()) {
            console.open(root + "moderation");
            console.awaitText("#login-view h1", "Comment moderation");
            assertEquals(List.of(), console.axe(RULES), "sign-in");

            Pages.signIn(console, root.toString(), ADMIN, ADMIN_PASSWORD);
            Pages.filterByArticle(console, article);
            console.await(d -> d.findElements(By.cssSelector("#queue-list .item .item-author")).size() == 2);
            assertEquals(List.of(), console.axe(RULES), "queue");

            console.find("[data-view=articles]").click();
            console.await(d -> !d.findElements(By.cssSelector("#articles-body tr")).isEmpty());
            assertEquals(List.of(), console.axe(RULES), "articles");

            console.find("[data-view=settings]").click();
            console.awaitText("#settings-fields label", "Max links");
            assertEquals(List.of(), console.axe(RULES), "rules");
        }
    }
}
