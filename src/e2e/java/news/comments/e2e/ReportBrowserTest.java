package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static news.comments.TestApi.moderation;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.randomIp;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Report under a published comment, with the keyboard alone: a reason, a note, "Reported"; and the hourly limit. */
@QuarkusTest
class ReportBrowserTest {

    private static final Pattern WAIT = Pattern.compile("Please wait (\\d+) minutes and try again\\.");

    @TestHTTPResource("/")
    URL root;

    /** axe-core's rules for what these panels add: names, labels, ARIA, ids, contrast. */
    static final String[] FORM_RULES = {"label", "button-name", "aria-allowed-attr", "aria-valid-attr-value",
        "aria-valid-attr", "duplicate-id-aria", "color-contrast", "nested-interactive", "list", "listitem"};

    @Test
    void shouldReportACommentWithTheKeyboardAndSayReportedAfterAReload() throws Exception {
        String article = newArticleId();
        long id = publishedComment(article, validComment());
        try (Browser reader = Browser.start()) {
            reader.connectFrom(randomIp());
            Pages.openArticle(reader, root.toString(), "report", article);
            WebElement report = reader.awaitText("#comment-" + id + " .nc-report", "Report");
            assertEquals("false", report.getDomAttribute("aria-expanded"));

            // Enter opens the form with focus on the first reason; Escape closes it and focus comes back
            report.sendKeys(Keys.ENTER);
            WebElement first = reader.driver().switchTo().activeElement();
            assertEquals("spam", first.getDomAttribute("value"));
            assertEquals("true", report.getDomAttribute("aria-expanded"));
            assertEquals("Why should a moderator look at this comment?",
                    reader.find("#comment-" + id + " .nc-report-panel legend").getText());
            first.sendKeys(Keys.ESCAPE);
            assertEquals(report, reader.driver().switchTo().activeElement());
            assertFalse(reader.find("#comment-" + id + " .nc-report-panel").isDisplayed());

            // Sent without a reason: said beside the reasons, nothing sent
            report.sendKeys(Keys.ENTER);
            assertEquals(List.of(), reader.axe(FORM_RULES), "the report form");
            Actions keys = new Actions(reader.driver());
            keys.sendKeys(Keys.TAB, Keys.TAB).perform(); // the reasons are one stop, then the note, then Send
            assertEquals("Send report", reader.driver().switchTo().activeElement().getText());
            keys.sendKeys(Keys.ENTER).perform();
            reader.awaitText("#comment-" + id + " .nc-report-panel .nc-error", "Please choose a reason.");

            // Arrow keys pick "Abusive", Tab reaches the note, Enter on Send sends it
            WebElement reason = reader.driver().switchTo().activeElement();
            assertEquals("spam", reason.getDomAttribute("value"));
            keys.sendKeys(Keys.ARROW_DOWN).perform();
            assertEquals("abuse", reader.driver().switchTo().activeElement().getDomAttribute("value"));
            keys.sendKeys(Keys.TAB).sendKeys("Insults another reader").sendKeys(Keys.TAB, Keys.ENTER).perform();
            WebElement thanks = reader.awaitText("#comment-" + id + " .nc-report-thanks", "a moderator will look");
            assertEquals(thanks, reader.driver().switchTo().activeElement());
            WebElement done = reader.find("#comment-" + id + " .nc-report");
            assertEquals("Reported", done.getText());
            assertFalse(done.isEnabled());
            reader.screenshot("reader-reported");

            JsonPath seen = moderation(id);
            assertEquals(1, seen.getInt("openReports"));
            assertEquals("abuse", seen.getString("reports[0].reason"));
            assertEquals("Insults another reader", seen.getString("reports[0].note"));

            Pages.openArticle(reader, root.toString(), "report", article);
            WebElement after = reader.awaitText("#comment-" + id + " .nc-report", "Reported");
            assertFalse(after.isEnabled(), "still reported after a reload");
        }
    }

    @Test
    void shouldExplainTheHourlyLimitOfReports() throws Exception {
        String article = newArticleId();
        String ip = randomIp();
        // The test profile allows 5 reports an hour from one address; this reader has filed them already
        for (int i = 0; i < 5; i++) {
            long other = publishedComment(article, validComment());
            reader().header("X-Forwarded-For", ip).body(Map.of("reason", "spam")).post("/api/comments/{id}/reports",
                    other).then().statusCode(202);
        }
        long id = publishedComment(article, validComment());
        try (Browser reader = Browser.start()) {
            reader.connectFrom(ip);
            Pages.openArticle(reader, root.toString(), "limit", article);
            reader.awaitText("#comment-" + id + " .nc-report", "Report").click();
            reader.find("#comment-" + id + " input[value=off-topic]").click();
            reader.find("#comment-" + id + " .nc-report-send").click();
            String message = reader.awaitText("#comment-" + id + " .nc-report-message",
                    "You have sent many reports in a short time.").getText();
            Matcher wait = WAIT.matcher(message);
            assertTrue(wait.find(), message);
            int minutes = Integer.parseInt(wait.group(1));
            assertTrue(minutes >= 1 && minutes <= 60, message);
            assertEquals("Report", reader.find("#comment-" + id + " .nc-report").getText(), "not reported");
            assertEquals(List.of(), moderation(id).getList("reports"));
        }
    }
}
