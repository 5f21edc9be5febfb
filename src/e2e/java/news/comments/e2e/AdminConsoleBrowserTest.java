package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import news.comments.TestSettings;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static news.comments.TestApi.ADMIN;
import static news.comments.TestApi.ADMIN_PASSWORD;
import static news.comments.TestApi.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin's views of the console: closing an article (a reader's comment on it is then refused with a clear
 * message) and the auto-moderation rules form.
 */
@QuarkusTest
class AdminConsoleBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldLetAnAdminCloseCommentsOnAnArticle() throws Exception {
        // "a-" sorts before the test articles, so it is on the console's first page of articles (they go in id order)
        String article = "a-e2e-" + UUID.randomUUID();
        admin().body(Map.of("title", "Talks expected in the coming months", "url", "https://news.example/talks",
                "commentsOpen", true)).put("/api/admin/articles/{a}", article).then().statusCode(201);
        try (Browser console = Browser.start(); Browser reader = Browser.start()) {
            Pages.signIn(console, root.toString(), ADMIN, ADMIN_PASSWORD);
            console.await(d -> "admin".equals(d.findElement(By.id("who-role")).getDomProperty("textContent")));


            console.find("[data-view=articles]").click();
            WebElement row = console.awaitText("#articles-body tr", article);
            WebElement open = row.findElement(By.cssSelector("input[type=checkbox]"));
            open.click();
            console.awaitText("#toast", "comments closed");
            console.screenshot("console-articles");
            admin().get("/api/admin/articles?limit=500").then()
                    .body("articles.find { it.articleId == '" + article + "' }.commentsOpen", equalTo(false));

            // A reader on a page that embeds the closed article
            Pages.openArticle(reader, root.toString(), "closed-comments", article);
            Pages.fillAndPost(reader, "#closed-comments", "Too late?", "Late Reader", "late@example.org");
            reader.awaitText("#closed-comments .nc-form-message", "Comments are closed for this article.");
            assertFalse(reader.find("#closed-comments .nc-submit").isEnabled());
            reader.screenshot("reader-comments-closed");
        }
    }

    /**
     * The rules form is built from the server's settings document and PUT back whole: a bad value gets the server's
     * violation beside its field and stores nothing; good values are stored. The settings are put back afterwards.
     */
    @Test
    void shouldSaveTheRulesFormAndShowTheServersViolationsBesideTheFields() throws Exception {
        try (SettingsChange words = SettingsChange.of(s -> s.put("holdWords", List.of("casino", "lottery")));
             Browser console = Browser.start()) {
            Map<String, Object> before = TestSettings.current();
            Pages.signIn(console, root.toString(), ADMIN, ADMIN_PASSWORD);
            console.find("[data-view=settings]").click();
            console.awaitText("#settings-fields label", "Max links");
            WebElement maxLinks = console.find("#setting-maxLinks");
            assertEquals("number", maxLinks.getDomProperty("type"));
            assertEquals(String.valueOf(before.get("maxLinks")), maxLinks.getDomProperty("value"));
            WebElement holdWords = console.find("#setting-holdWords");
            assertEquals("casino\nlottery", holdWords.getDomProperty("value"));
            assertEquals(before.get("trustReturningCommenters"),
                    console.find("#setting-trustReturningCommenters").isSelected());
            assertEquals(before.get("defaultModeration"),
                    console.find("#setting-defaultModeration").getDomProperty("value"));

            // Two values the server refuses: each violation appears beside its own field, and nothing is stored
            WebElement blockIps = console.find("#setting-blockIps");
            Pages.type(maxLinks, "-1");
            Pages.type(blockIps, "203.0.113.0/24\nnot-an-address");
            console.find("#settings-form button[type=submit]").click();
            WebElement error = console.awaitText("[data-key=maxLinks] .field-error", "must be from 0 to 1000");
            assertEquals("true", maxLinks.getDomAttribute("aria-invalid"));
            assertTrue(maxLinks.getDomAttribute("aria-describedby").contains(error.getDomAttribute("id")));
            assertEquals(maxLinks, console.driver().switchTo().activeElement());
            console.awaitText("[data-key=blockIps] .field-error",
                    "Block IPs: \"not-an-address\" must be an IP address or a CIDR range.");
            assertEquals("true", blockIps.getDomAttribute("aria-invalid"));
            console.awaitText("#settings-notice", "Some rules are not valid.");
            console.screenshot("console-rules-invalid");
            assertEquals(before, TestSettings.current());

            Pages.type(maxLinks, "3");
            Pages.type(blockIps, "203.0.113.0/24");
            Pages.type(holdWords, "casino\nlottery\nfree money");
            console.find("#settings-form button[type=submit]").click();
            console.awaitText("#settings-notice", "Rules saved");
            console.screenshot("console-rules-saved");

            Map<String, Object> expected = new HashMap<>(before);
            expected.put("maxLinks", 3);
            expected.put("blockIps", List.of("203.0.113.0/24"));
            expected.put("holdWords", List.of("casino", "lottery", "free money"));
            assertEquals(expected, TestSettings.current(), "the whole document went back, changed only there");
        }
    }
}
