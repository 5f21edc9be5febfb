package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static news.comments.TestApi.MODERATOR;
import static news.comments.TestApi.MODERATOR_PASSWORD;
import static news.comments.TestApi.admin;
import static news.comments.TestApi.moderation;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two moderators on one queue: the first looks at a comment in the console while a second one, with an account of
 * their own, decides it through the API. The console says who decided it and how, keeps it highlighted, and a
 * shortcut pressed then acts on no other comment.
 */
@QuarkusTest
class TwoModeratorsBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldSayWhoDecidedTheHighlightedCommentElsewhereAndKeepTheHighlightOnIt() throws Exception {
        moderator();
        String other = otherModerator();
        String article = newArticleId();
        long first = postComment(article);
        long second = postComment(article);
        long third = postComment(article);
        try (Browser console = Browser.start()) {
            Pages.signIn(console, root.toString(), MODERATOR, MODERATOR_PASSWORD);
            Pages.filterByArticle(console, article);
            console.await(d -> d.findElements(By.cssSelector("#queue-list .item")).size() == 3);
            Actions keys = new Actions(console.driver());
            keys.sendKeys(Keys.ESCAPE).sendKeys("j").perform();
            awaitCurrent(console, second);

            as(other).post("/api/moderation/comments/{id}/reject", second).then().statusCode(200);

            // Told on the comment itself, which stays where it was and keeps the highlight
            WebElement note = console.awaitText(item(second) + " .elsewhere", "Rejected by " + other);
            assertTrue(note.isDisplayed());
            assertEquals(3, console.findAll("#queue-list .item").size());
            awaitCurrent(console, second);
            assertEquals("Rejected", console.find(item(second) + " .badge").getText());
            assertEquals("true", console.find(item(second) + " .item-check").getDomProperty("disabled"));
            console.screenshot("console-decided-elsewhere");

            // A shortcut pressed a moment later changes nothing, on this comment or another
            keys.sendKeys("a").perform();
            console.awaitText("#toast", "Rejected by " + other + " meanwhile, so nothing was changed");
            assertEquals("REJECTED", moderation(second).getString("status"));
            assertEquals(other, moderation(second).getString("moderatedBy"));
            assertEquals("PENDING", moderation(first).getString("status"));
            assertEquals("PENDING", moderation(third).getString("status"));
            awaitCurrent(console, second);

            // Moving on: the highlight goes to the next comment, and the decided one leaves the list
            keys.sendKeys("j").perform();
            awaitCurrent(console, third);
            console.await(d -> d.findElements(By.cssSelector(item(second))).isEmpty());
            assertEquals(List.of(String.valueOf(first), String.valueOf(third)), console.findAll("#queue-list .item")
                    .stream().map(e -> e.getDomAttribute("data-id")).toList());
        }
    }

    /**
     * The console missed the other decision (its live stream is blocked here), so it decides on a version that is no
     * longer current: the 412 is answered with what the comment became and who decided it.
     */
    @Test
    void shouldNameTheOtherModeratorsDecisionWhenTheVersionWasStale() throws Exception {
        moderator();
        String other = otherModerator();
        String article = newArticleId();
        long first = postComment(article);
        long second = postComment(article);
        try (Browser console = Browser.start()) {
            console.block("*/api/moderation/stream*");
            console.open(root + "moderation");
            console.await(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(MODERATOR);
            console.find("#login-password").sendKeys(MODERATOR_PASSWORD, Keys.ENTER);
            console.awaitText("#who-name", MODERATOR);
            Pages.filterByArticle(console, article);
            console.await(d -> d.findElements(By.cssSelector("#queue-list .item")).size() == 2);
            assertNotEquals("live", console.find("#stream-status").getDomAttribute("data-state"),
                    "the stream is blocked");
            new Actions(console.driver()).sendKeys(Keys.ESCAPE).perform();
            awaitCurrent(console, first);

            as(other).post("/api/moderation/comments/{id}/spam", first).then().statusCode(200);
            new Actions(console.driver()).sendKeys("a").perform();

            console.awaitText("#toast", "Not approved: this comment was already marked as spam by " + other + ".");
            console.awaitText(item(first) + " .elsewhere", "Marked as spam by " + other);
            awaitCurrent(console, first);
            assertEquals("SPAM", moderation(first).getString("status"));
            assertEquals("PENDING", moderation(second).getString("status"));
            console.screenshot("console-stale-version");
        }
    }

    private static String item(long id) {
        return "#queue-list .item[data-id='" + id + "']";
    }

    private static void awaitCurrent(Browser console, long id) {
        console.await(d -> d.findElements(By.cssSelector("#queue-list .item.is-current")).stream()
                .map(e -> e.getDomAttribute("data-id")).toList().equals(List.of(String.valueOf(id))));
    }

    /** A second moderator's account, made for this test. */
    private static String otherModerator() {
        String name = "other-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("username", name, "password", name + "-password", "role", "moderator"))
                .post("/api/admin/users").then().statusCode(201);
        return name;
    }

    private static RequestSpecification as(String moderator) {
        return RestAssured.given().auth().preemptive().basic(moderator, moderator + "-password")
                .contentType(ContentType.JSON);
    }
}
