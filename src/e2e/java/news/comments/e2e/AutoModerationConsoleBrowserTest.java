package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static news.comments.TestApi.MODERATOR;
import static news.comments.TestApi.MODERATOR_PASSWORD;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderation;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postFrom;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.randomIp;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What auto-moderation shows moderators in the console: the rule that held a comment and why, readers' reports in
 * the Reported tab, and a ban made from a comment, with its effect on the author's next comment.
 */
@QuarkusTest
class AutoModerationConsoleBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldShowTheRuleThatHeldAReadersCommentAndWhy() throws Exception {
        moderator();
        // Post-moderation publishes at once: only the rule can hold this comment
        String article = article("POST");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String body = "My uncle lost the farm at the Casino last year " + unique;
        try (SettingsChange words = SettingsChange.of(s -> s.put("holdWords", List.of("casino")));
             Browser reader = Browser.start(); Browser console = Browser.start()) {
            reader.connectFrom(randomIp());
            Pages.openArticle(reader, root.toString(), "held", article);
            Pages.fillAndPost(reader, "#held", body, "Farm Reader", "farm-" + unique + "@example.org");
            reader.awaitText("#held .nc-form-message", "Your comment is awaiting moderation");

            Pages.signIn(console, root.toString(), MODERATOR, MODERATOR_PASSWORD);
            new Select(console.find("#filter-rule")).selectByValue("hold-word");
            Pages.filterByArticle(console, article);
            WebElement item = console.awaitText("#queue-list .item", body);
            WebElement chip = item.findElement(By.cssSelector(".rules .chip"));
            assertEquals("hold-word hold — hold-word: \"casino\" in body", chip.getText());
            assertTrue(chip.getDomAttribute("class").contains("chip-hold"), chip.getDomAttribute("class"));
            console.screenshot("console-held-by-rule");

            // Another rule's filter leaves it out
            new Select(console.find("#filter-rule")).selectByValue("max-links");
            Pages.filterByArticle(console, article);
            assertTrue(console.find("#queue-empty").isDisplayed());
            assertTrue(console.findAll("#queue-list .item").isEmpty());
        }
    }

    @Test
    void shouldListAReportedCommentWithItsReportsAndDismissThemOnApproval() throws Exception {
        moderator();
        String article = newArticleId();
        Map<String, Object> comment = validComment();
        String body = "The minister is a liar and everyone knows it " + UUID.randomUUID();
        comment.put("body", body);
        long id = publishedComment(article, comment);
        // Three reports stay below the hiding threshold here, so the comment stays published and Reported
        try (SettingsChange threshold = SettingsChange.of(s -> s.put("reportsHideThreshold", 5));
             Browser console = Browser.start()) {
            report(id, "abuse", "Insults a public figure");
            report(id, "off-topic", "Nothing to do with the arms deal");
            report(id, "abuse", "");

            Pages.signIn(console, root.toString(), MODERATOR, MODERATOR_PASSWORD);
            console.find("#tab-REPORTED").click();
            Pages.filterByArticle(console, article);
            WebElement item = console.awaitText("#queue-list .item", body);
            String reports = item.findElement(By.cssSelector(".reports")).getText();
            assertTrue(reports.startsWith("3 reports:"), reports);
            List<String> lines = item.findElements(By.cssSelector(".report-list li")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(3, lines.size(), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("abuse — Insults a public figure")),
                    lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("off-topic — Nothing to do with the arms deal")),
                    lines.toString());
            assertEquals("Approved", item.findElement(By.cssSelector(".badge")).getText());
            console.screenshot("console-reported");

            // Approving it again keeps it published and answers the reports
            WebElement approve = item.findElement(By.cssSelector(".btn-approve"));
            assertTrue(approve.isEnabled());
            approve.click();
            console.await(d -> d.findElements(By.cssSelector("#queue-list .item")).isEmpty());
            JsonPath view = moderation(id);
            assertEquals("APPROVED", view.getString("status"));
            assertEquals(0, view.getInt("openReports"));
        }
    }

    @Test
    void shouldBanAnAuthorFromTheConsoleAndSpamTheirNextComment() throws Exception {
        moderator();
        String article = newArticleId();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "troll-" + unique + "@example.org";
        String ip = randomIp();
        Map<String, Object> comment = validComment();
        comment.put("authorName", "Angry Troll");
        comment.put("authorEmail", email);
        comment.put("body", "You are all paid shills " + unique);
        long id = postFrom(ip, article, comment).statusCode(201).extract().jsonPath().getLong("id");
        try (Browser console = Browser.start()) {
            Pages.signIn(console, root.toString(), MODERATOR, MODERATOR_PASSWORD);
            Pages.filterByArticle(console, article);
            WebElement item = console.awaitText("#queue-list .item", "You are all paid shills " + unique);

            // Esc leaves the filter for the highlighted comment; b opens the ban form there
            new Actions(console.driver()).sendKeys(Keys.ESCAPE).sendKeys("b").perform();
            WebElement form = console.await(d -> item.findElements(By.cssSelector(".ban-form")).stream().findFirst()
                    .orElse(null));
            assertEquals("Ban Angry Troll (" + email + ")", form.findElement(By.cssSelector(".ban-title")).getText());
            assertEquals(form.findElement(By.cssSelector("input:not([type])")),
                    console.driver().switchTo().activeElement());
            console.driver().switchTo().activeElement().sendKeys("Insults other readers");
            WebElement banIp = form.findElement(By.cssSelector("input[type=checkbox]"));
            assertTrue(form.getText().contains("Also ban the IP address " + ip), form.getText());
            banIp.click();
            form.findElement(By.cssSelector("button[type=submit]")).click();
            console.awaitText("#toast", "Angry Troll is banned, and their IP address too.");

            // The comment says so and cannot be banned twice; the ban is on the server
            WebElement banned = console.awaitText("#queue-list .item .banned", "banned by " + MODERATOR);
            JsonPath bans = moderator().get("/api/moderation/bans").then().statusCode(200).extract().jsonPath();
            Map<String, Object> ban = bans.getMap("find { it.email == '" + email + "' }");
            assertEquals(ip, ban.get("ip"));
            assertEquals("Insults other readers", ban.get("reason"));
            assertEquals(MODERATOR, ban.get("createdBy"));
            assertEquals(id, ((Number) ban.get("commentId")).longValue());
            assertEquals("email and IP banned by " + MODERATOR + ": Insults other readers (ban " + ban.get("id") + ")",
                    banned.getText());
            WebElement button = console.find("#queue-list .item[data-id='" + id + "'] .item-actions .btn-quiet");
            assertEquals("Author banned", button.getText());
            assertFalse(button.isEnabled());
            console.screenshot("console-banned");

            // Their next comment, from another address, goes to spam, explained, and looks held to them
            Map<String, Object> next = validComment();
            next.put("authorName", "Angry Troll");
            next.put("authorEmail", email.toUpperCase());
            next.put("body", "You cannot silence me " + unique);
            postFrom(randomIp(), article, next).statusCode(201).body("status", equalTo("PENDING"));
            console.find("#tab-SPAM").click();
            WebElement spam = console.awaitText("#queue-list .item", "You cannot silence me " + unique);
            assertEquals("banned spam — banned: email banned (ban " + ban.get("id") + ")",
                    spam.findElement(By.cssSelector(".rules .chip")).getText());
            console.screenshot("console-banned-author-spam");
        } finally {
            // Lift it again, so no other test's reader meets this ban
            JsonPath bans = moderator().get("/api/moderation/bans").then().statusCode(200).extract().jsonPath();
            for (Object banId : bans.getList("findAll { it.email == '" + email + "' }.id")) {
                moderator().delete("/api/moderation/bans/{id}", banId).then().statusCode(204);
            }
        }
    }

    /** A reader's report from an address of its own, so that no per-IP limit counts it against another test. */
    private static void report(long id, String reason, String note) {
        reader().header("X-Forwarded-For", randomIp()).body(Map.of("reason", reason, "note", note))
                .post("/api/comments/{id}/reports", id).then().statusCode(202);
    }
}
