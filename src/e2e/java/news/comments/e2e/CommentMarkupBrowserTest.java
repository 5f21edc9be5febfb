package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.UUID;

import static news.comments.TestApi.ADMIN;
import static news.comments.TestApi.ADMIN_PASSWORD;
import static news.comments.TestApi.approve;
import static news.comments.TestApi.moderator;
import static news.comments.e2e.Pages.DEMO_ARTICLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Markup in a comment is text on every page that shows it: nothing of it runs, nothing of it loads. */
@QuarkusTest
class CommentMarkupBrowserTest {

    private static final String MARKUP = "<img src=x onerror=alert(1)>";

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldShowMarkupAsTextAndRunNothing() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "markup-" + unique + "@example.org";
        try (Browser reader = Browser.start(); Browser console = Browser.start()) {
            reader.open(root.toString());
            Pages.fillAndPost(reader, "#comments", MARKUP, "Markup Tester " + unique, email);
            reader.awaitText("#comments .nc-form-message", "Your comment is awaiting moderation");
            reader.awaitText("#comments .nc-thread .nc-comment .nc-body", MARKUP); // the pending preview
            assertFalse(reader.alertOpen());

            long id = moderator().queryParam("articleId", DEMO_ARTICLE).queryParam("limit", 200)
                    .get("/api/moderation/queue").then().statusCode(200).extract().jsonPath()
                    .getLong("comments.find { it.authorEmail == '" + email + "' }.id");
            approve(id);

            // The console shows it as text too
            Pages.signIn(console, root.toString(), ADMIN, ADMIN_PASSWORD);
            console.find("#tab-APPROVED").click();
            Pages.filterByArticle(console, DEMO_ARTICLE);
            WebElement item = console.awaitText("#queue-list .item", MARKUP);
            assertEquals(0, item.findElements(By.tagName("img")).size());
            assertFalse(console.alertOpen());
            console.screenshot("console-markup-as-text");

            reader.driver().navigate().refresh();
            WebElement shown = reader.awaitText("#comments .nc-thread .nc-comment .nc-body", MARKUP);
            assertEquals(MARKUP, shown.getText());
            assertEquals(0L, reader.script("return document.querySelectorAll('#comments img').length"));
            assertFalse(reader.alertOpen());
            reader.screenshot("reader-markup-as-text");
        }
    }
}
