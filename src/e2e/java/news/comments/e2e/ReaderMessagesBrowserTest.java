package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.randomIp;
import static news.comments.TestApi.reader;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What auto-moderation answers a reader, from the real server: the same comment twice (409), a second comment too
 * fast (429 with Retry-After), and the honeypot that people never reach but bots fill.
 */
@QuarkusTest
class ReaderMessagesBrowserTest {

    private static final Pattern WAIT = Pattern.compile("Please wait (\\d+) seconds? and try again\\.");

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldExplainDuplicateAndTooFastAnswers() throws Exception {
        String article = newArticleId();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String first = "Sanctions will not stop this " + unique;
        // The flood rule is off in the test profile; one minute between comments here
        try (SettingsChange flood = SettingsChange.of(s -> s.put("floodSeconds", 60));
             Browser reader = Browser.start()) {
            reader.connectFrom(randomIp());
            Pages.openArticle(reader, root.toString(), "messages", article);
            Pages.fillAndPost(reader, "#messages", first, "Quick Reader", "quick-" + unique + "@example.org");
            reader.awaitText("#messages .nc-form-message", "Your comment is awaiting moderation");

            // The same text again: the duplicate rule (checked before the flood rule) answers 409
            WebElement body = reader.find("#messages textarea[name=body]");
            Pages.type(body, first);
            reader.find("#messages .nc-submit").click();
            reader.awaitText("#messages .nc-form-message", "You have already posted this comment.");
            reader.screenshot("reader-duplicate");

            // Something new at once: the flood rule answers 429, and the page tells the wait from Retry-After
            Pages.type(body, "And another thing " + unique);
            reader.find("#messages .nc-submit").click();
            String message = reader.awaitText("#messages .nc-form-message", "You are commenting too quickly.")
                    .getText();
            Matcher wait = WAIT.matcher(message);
            assertTrue(wait.find(), message);
            int seconds = Integer.parseInt(wait.group(1));
            assertTrue(seconds >= 1 && seconds <= 60, message);
            // Nothing was lost: the reader's text is still there to send later
            assertEquals("And another thing " + unique, body.getDomProperty("value"));
            reader.screenshot("reader-too-fast");
        }
        // Neither refusal stored anything
        moderator().queryParam("articleId", article).get("/api/moderation/queue").then().statusCode(200)
                .body("comments.size()", equalTo(1)).body("comments[0].body", equalTo(first));
    }

    /**
     * The trap is named by the server ({@code honeypotField} of {@code /api/comment-form}, renamed here by an admin),
     * sits off-screen and out of the tab order, and goes along with every post: empty from a person, filled by a bot.
     */
    @Test
    void shouldNameTheHoneypotAsTheServerSaysAndKeepItFromPeople() throws Exception {
        String article = newArticleId();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String field = "contact_" + unique;
        try (SettingsChange trap = SettingsChange.of(s -> s.put("honeypotField", field));
             Browser reader = Browser.start()) {
            reader().get("/api/comment-form").then().statusCode(200).body("honeypotField", equalTo(field));
            reader.connectFrom(randomIp());
            Pages.openArticle(reader, root.toString(), "trap", article);
            WebElement honeypot = reader.await(d -> d.findElements(By.cssSelector("#trap input[name='" + field + "']"))
                    .stream().findFirst().orElse(null));

            // Nobody sees it, nobody tabs into it, no browser fills it in
            assertFalse(honeypot.isDisplayed());
            assertEquals("-1", honeypot.getDomAttribute("tabindex"));
            assertEquals("off", honeypot.getDomAttribute("autocomplete"));
            assertEquals("true", honeypot.findElement(By.xpath("..")).getDomAttribute("aria-hidden"));
            Number right = (Number) reader.script("return arguments[0].getBoundingClientRect().right", honeypot);
            assertTrue(right.doubleValue() <= 0, "off-screen, left of the page: " + right);
            List<String> tabStops = new ArrayList<>();
            reader.find("#trap textarea[name=body]").click();
            for (int i = 0; i < 8; i++) {
                WebElement focused = reader.driver().switchTo().activeElement();
                assertNotEquals(honeypot, focused, "Tab reached the honeypot after " + tabStops);
                tabStops.add(focused.getDomAttribute("name") + "/" + focused.getDomAttribute("class"));
                focused.sendKeys(Keys.TAB);
            }
            // From the website field only the form's three checkboxes (issues 14 and 15) come before the button
            assertEquals(List.of("authorUrl/nc-input", "notifyReplies/null", "notifyPublished/null", "remember/null"),
                    tabStops.subList(3, 7), "the website field leads to the checkboxes: " + tabStops);
            assertTrue(tabStops.get(7).contains("nc-submit"), "the checkboxes lead to the button: " + tabStops);

            // A person leaves it empty: held for the moderators as usual, no rule fired
            String person = "I read the whole article " + unique;
            Pages.fillAndPost(reader, "#trap", person, "Careful Reader", "person-" + unique + "@example.org");
            reader.awaitText("#trap .nc-form-message", "Your comment is awaiting moderation");

            // A bot fills every field it finds: answered just the same, so it learns nothing, and marked spam
            String bot = "Cheap watches here " + unique;
            reader.script("arguments[0].value = 'https://spam.example/'", honeypot);
            Pages.fillAndPost(reader, "#trap", bot, "Best Deals", "bot-" + unique + "@example.org");
            reader.awaitText("#trap .nc-thread .nc-comment", bot);
            reader.awaitText("#trap .nc-form-message", "Your comment is awaiting moderation");
            reader.screenshot("reader-honeypot");

            JsonPath pending = moderator().queryParam("articleId", article).get("/api/moderation/queue").then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(List.of(person), pending.getList("comments.body"));
            assertEquals(List.of(), pending.getList("comments[0].autoDecision.rules"));
            JsonPath spam = moderator().queryParam("status", "SPAM").queryParam("articleId", article)
                    .get("/api/moderation/queue").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(bot), spam.getList("comments.body"));
            assertEquals("honeypot: hidden field " + field + " was filled",
                    spam.getString("comments[0].autoDecision.rules[0].detail"));
        }
    }
}
