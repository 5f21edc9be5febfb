package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.MODERATOR;
import static news.comments.TestApi.MODERATOR_PASSWORD;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's bulk decision, driven by the keyboard's selection, and the history it leaves; what a post proved
 * about its address, and a rejection's reason mailed to its author when the moderator asks.
 */
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
    @Test
    void shouldShowWhatAPostProvedAndTellTheAuthorWhyOnlyWhenAsked() throws Exception {
        moderator();
        String article = article("PRE");
        Map<String, Object> owner = validComment();
        String email = (String) owner.get("authorEmail");
        owner.put("commenterKey", news.comments.TestMail.verify(email, article("PRE")));
        long own = postComment(article, owner);
        Map<String, Object> impostor = validComment();
        impostor.put("authorEmail", email);
        long borrowed = postComment(article, impostor);
        try (Browser console = Browser.start()) {
            Pages.signIn(console, root.toString(), MODERATOR, MODERATOR_PASSWORD);
            Pages.filterByArticle(console, article);
            console.await(d -> d.findElements(By.cssSelector("#queue-list .item")).size() == 2);
            String ownText = item(console, own).getText();
            String borrowedText = item(console, borrowed).getText();
            assertTrue(ownText.contains("address verified"), ownText);
            assertFalse(ownText.contains("posted without its key"), ownText);
            assertTrue(borrowedText.contains("address verified") && borrowedText.contains("posted without its key"),
                    borrowedText);
            console.screenshot("console-address-badges");
            assertEquals(List.of(), console.axe("label", "color-contrast", "heading-order", "landmark-one-main"),
                    "the queue with badges and the new box");

            // ticked without a reason: the console asks for one, and nothing is decided
            console.find("#notify-author").click();
            item(console, own).findElement(By.cssSelector(".btn-reject")).click();
            console.awaitText("#toast", "Write the reason the author will read");
            assertEquals("reason", console.script("return document.activeElement.id"));
            moderator().get("/api/moderation/comments/{id}", own).then().body("status", equalTo("PENDING"));

            // a bulk rejection mails nobody, so it refuses rather than reject silently
            item(console, borrowed).findElement(By.cssSelector(".item-check")).click();
            console.find("[data-bulk=reject]").click();
            console.awaitText("#toast", "one comment at a time");
            moderator().get("/api/moderation/comments/{id}", borrowed).then().body("status", equalTo("PENDING"));

            // with the reason, from the keyboard: Esc leaves the field for the highlighted comment, r rejects it
            console.script("arguments[0].click()", item(console, own));
            Pages.type(console.find("#reason"), "Please cite a source for the figures.");
            new Actions(console.driver()).sendKeys(Keys.ESCAPE).sendKeys("r").perform();
            console.await(d -> d.findElements(By.cssSelector("#queue-list .item[data-id='" + own + "']")).isEmpty());
            assertFalse(console.find("#notify-author").isSelected(), "the box belongs to one decision");
            moderator().get("/api/moderation/comments/{id}", own).then().body("status", equalTo("REJECTED"));
            jakarta.mail.internet.MimeMessage told = news.comments.TestMail.await(email, 2).get(1);
            assertTrue(news.comments.TestMail.text(told).contains("Please cite a source for the figures."));
        }
    }

    private static org.openqa.selenium.WebElement item(Browser console, long id) {
        return console.find("#queue-list .item[data-id='" + id + "']");
    }
}
