package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.net.URL;
import java.util.UUID;

import static news.comments.TestApi.MODERATOR;
import static news.comments.TestApi.MODERATOR_PASSWORD;
import static news.comments.TestApi.moderator;
import static news.comments.e2e.Pages.DEMO_ARTICLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A comment's whole way, in two real browsers: a reader on the demo article and a moderator in the console. */
@QuarkusTest
class CommentJourneyBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldCarryACommentFromTheReaderThroughTheModeratorBackToTheThread() throws Exception {
        moderator(); // creates the moderator's account
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String body = "Sanctions only matter if someone enforces them " + unique;
        try (Browser console = Browser.start(); Browser reader = Browser.start()) {
            // The moderator is at work first: the comment has to reach the open console by itself
            Pages.signIn(console, root.toString(), MODERATOR, MODERATOR_PASSWORD);
            assertTrue(console.driver().getCurrentUrl().endsWith("/moderation/"), console.driver().getCurrentUrl());
            Pages.filterByArticle(console, DEMO_ARTICLE);

            reader.open(root.toString());
            reader.awaitText("h1", "North Korea-Russia arms deal inches closer");
            assertEquals("Your email address will not be published. Required fields are marked *",
                    reader.awaitText("#comments .nc-notice", "Your email").getText());

            // A missing name: the page says so beside the field, and takes the reader there
            Pages.fillAndPost(reader, "#comments", body, "", "reader-" + unique + "@example.org");
            WebElement nameError = reader.awaitText("#comments .nc-field-authorName .nc-error", "Name is required");
            WebElement name = reader.find("#comments input[name=authorName]");
            assertEquals("true", name.getAttribute("aria-invalid"));
            assertTrue(name.getAttribute("aria-describedby").contains(nameError.getAttribute("id")));
            assertEquals(name, reader.driver().switchTo().activeElement());
            assertFalse(reader.find("#comments textarea[name=body]").getAttribute("aria-invalid") != null);
            reader.screenshot("reader-missing-field");

            // A rule only the server knows (at most 100 characters): its violation lands beside the same field
            Pages.type(name, "N".repeat(101));
            reader.find("#comments .nc-submit").click();
            reader.awaitText("#comments .nc-field-authorName .nc-error", "Name must be at most 100 characters");

            Pages.type(name, "Ada Reader " + unique);
            reader.find("#comments .nc-submit").click();
            reader.awaitText("#comments .nc-form-message", "Your comment is awaiting moderation");
            reader.awaitText("#comments .nc-thread .nc-comment", body);
            reader.screenshot("reader-awaiting-moderation");

            // It arrives in the console without a reload; the moderator approves it with the keyboard only
            console.awaitText("#queue-list .item", body);
            console.screenshot("console-new-comment");
            Actions keys = new Actions(console.driver());
            keys.sendKeys(Keys.ESCAPE).perform(); // out of the article filter
            for (int i = 0; i < 100 && !isCurrent(console, body); i++) {
                keys.sendKeys("j").perform();
            }
            assertTrue(isCurrent(console, body), "j reaches the new comment");
            keys.sendKeys("a").perform();
            console.await(d -> d.findElements(By.cssSelector("#queue-list .item")).stream()
                    .noneMatch(item -> item.getText().contains(body)));

            // The reader reloads the article and finds the comment published
            reader.driver().navigate().refresh();
            WebElement published = reader.awaitText("#comments .nc-thread .nc-comment", body);
            assertFalse(published.getText().contains("awaiting moderation"));
            assertTrue(published.findElement(By.cssSelector(".nc-reply")).isDisplayed());
            assertTrue(reader.find("#comments .nc-heading").getText().matches("\\d+ Comments?"));
            reader.screenshot("reader-published");
        }
    }

    private static boolean isCurrent(Browser console, String body) {
        try {
            return console.findAll("#queue-list .item.is-current").stream().anyMatch(i -> i.getText().contains(body));
        } catch (StaleElementReferenceException e) {
            return false; // the list was re-rendered by a live update while we read it: ask again
        }
    }
}
