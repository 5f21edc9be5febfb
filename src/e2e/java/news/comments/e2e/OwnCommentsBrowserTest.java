package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.UUID;

import static news.comments.TestApi.approve;
import static news.comments.TestApi.article;
import static news.comments.TestApi.randomIp;
import static news.comments.TestApi.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's own comments against the real service: the pending comment after a reload, edit and delete with the
 * editToken of the 201; an edit sends a comment of a pre-moderated article back to moderation, and one of a
 * post-moderated article stays published and shows "edited". Needs the service's part of issue 15 (editToken, the author's view, PATCH and DELETE of
 * /api/comments/{id} with Comment-Token, editedAt in public views); OwnCommentsContractBrowserTest proves the
 * embed's side without it.
 */
@QuarkusTest
class OwnCommentsBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldKeepTheOwnPendingCommentAfterAReloadThenEditAndDeleteIt() throws Exception {
        String article = article("PRE");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String body = "My own words " + unique;
        try (Browser reader = Browser.start()) {
            reader.connectFrom(randomIp());
            Pages.openArticle(reader, root.toString(), "mine", article);
            Pages.fillAndPost(reader, "#mine", body, "Own Reader", "own-" + unique + "@example.org");
            reader.awaitText("#mine .nc-form-message", "Your comment is awaiting moderation");
            long id = Long.parseLong(reader.find("#mine .nc-just-posted").getDomAttribute("id")
                    .substring("comment-".length()));
            assertTrue(Pages.storage(reader).values().stream().anyMatch(v -> v.contains("\"id\":" + id + ",")),
                    "the 201's editToken is kept: " + Pages.storage(reader));

            // Reloaded: the shared thread does not have it, the author's view does
            Pages.openArticle(reader, root.toString(), "mine", article);
            WebElement pending = reader.awaitText("#mine #comment-" + id, body);
            assertTrue(pending.getText().contains("Your comment is awaiting moderation"), pending.getText());

            // Published by a moderator: shown from the thread, with Edit and Delete and without the badge
            approve(id);
            Pages.openArticle(reader, root.toString(), "mine", article);
            WebElement published = reader.awaitText("#mine .nc-thread #comment-" + id, body);
            assertFalse(published.getText().contains("awaiting moderation"));
            WebElement edit = reader.find("#comment-" + id + " .nc-edit");
            assertTrue(edit.isDisplayed(), "editable for a while after posting");
            assertTrue(edit.getDomAttribute("aria-label").matches("Edit your comment \\(.+ left\\)"));

            edit.click();
            Pages.type(reader.driver().switchTo().activeElement(), "My own words, corrected " + unique);
            reader.find("#comment-" + id + " .nc-save").click();
            // a pre-moderated article: the moderator approved the old text, not the new one
            reader.awaitText("#comment-" + id + " .nc-own-message",
                    "Your change is saved. Your comment is awaiting moderation again.");
            assertEquals("My own words, corrected " + unique, reader.find("#comment-" + id + " .nc-body").getText());
            assertEquals("edited", reader.find("#comment-" + id + " .nc-edited").getText());
            reader().get("/api/comments/{id}", id).then().statusCode(404);
            Pages.openArticle(reader, root.toString(), "mine", article);
            WebElement again = reader.awaitText("#mine #comment-" + id, "My own words, corrected " + unique);
            assertTrue(again.getText().contains("Your comment is awaiting moderation"), again.getText());

            reader.find("#comment-" + id + " .nc-delete").click();
            reader.find("#comment-" + id + " .nc-confirm-delete").click();
            reader.awaitText("#mine .nc-notice-banner", "Your comment was deleted.");
            assertTrue(reader.findAll("#comment-" + id).isEmpty());
            reader().get("/api/comments/{id}", id).then().statusCode(404);
            Pages.openArticle(reader, root.toString(), "mine", article);
            reader.awaitText("#mine .nc-empty", "No comments yet");
            assertTrue(reader.findAll("#comment-" + id).isEmpty());
        }
    }

    @Test
    void shouldShowAnEditThatKeepsTheCommentPublishedAsEditedAfterAReload() throws Exception {
        String article = article("POST");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        try (Browser reader = Browser.start()) {
            reader.connectFrom(randomIp());
            Pages.openArticle(reader, root.toString(), "open", article);
            Pages.fillAndPost(reader, "#open", "Published at once " + unique, "Open Reader",
                    "open-" + unique + "@example.org");
            long id = Long.parseLong(reader.await(d -> d.findElements(By.cssSelector("#open .nc-just-posted"))
                    .stream().findFirst().orElse(null)).getDomAttribute("id").substring("comment-".length()));
            reader().get("/api/comments/{id}", id).then().statusCode(200);

            reader.find("#comment-" + id + " .nc-edit").click();
            Pages.type(reader.driver().switchTo().activeElement(), "Published, then corrected " + unique);
            reader.find("#comment-" + id + " .nc-save").click();
            String saved = reader.awaitText("#comment-" + id + " .nc-own-message", "Your change is saved.")
                    .getText();
            assertFalse(saved.contains("awaiting moderation"), saved);

            JsonPath shown = reader().get("/api/comments/{id}", id).then().statusCode(200).extract().jsonPath();
            assertEquals("Published, then corrected " + unique, shown.getString("body"));
            assertNotNull(shown.getString("editedAt"), "public views say that it was edited");
            Pages.openArticle(reader, root.toString(), "open", article);
            reader.awaitText("#open .nc-thread #comment-" + id, "Published, then corrected " + unique);
            assertEquals("edited", reader.awaitText("#comment-" + id + " .nc-edited", "edited").getText());
        }
    }
}
