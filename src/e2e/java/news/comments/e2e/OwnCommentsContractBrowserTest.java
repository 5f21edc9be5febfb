package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static news.comments.TestApi.article;
import static news.comments.TestApi.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embed's side of issue 15's own comments, against the contract played in the page (own-comments-stub.js: the
 * editToken of the 201, the author's view, PATCH and DELETE with Comment-Token), so that it is proved before the
 * service has those doors; OwnCommentsBrowserTest runs the same flows against the real service.
 */
@QuarkusTest
class OwnCommentsContractBrowserTest {

    static final Path STUB = Path.of("src", "e2e", "resources", "own-comments-stub.js");

    @TestHTTPResource("/")
    URL root;

    /** Opens the demo page with the stub in place, then mounts a section for {@code articleId} as #own. */
    static void open(Browser reader, String root, String articleId, double editMinutes, String statusAfterEdit) {
        reader.open(root);
        reader.awaitText("h1", "North Korea-Russia");
        try {
            reader.script(Files.readString(STUB), editMinutes, statusAfterEdit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader.script("var d = document.createElement('div'); d.id = 'own';"
                + " d.setAttribute('data-article-id', arguments[0]); document.querySelector('main').appendChild(d);"
                + " NewsComments.mount(d);", articleId);
        reader.awaitText("#own .nc-form-title", "Leave a Comment");
    }

    static long justPosted(Browser reader) {
        return Long.parseLong(reader.find("#own .nc-just-posted").getDomAttribute("id").substring("comment-".length()));
    }

    @Test
    void shouldShowTheOwnPendingCommentAfterAReloadAndEditAndDeleteIt() throws Exception {
        String article = article("PRE");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String body = "Held for now " + unique;
        try (Browser reader = Browser.start()) {
            reader.connectFrom(randomIp());
            open(reader, root.toString(), article, 15, null);
            Pages.fillAndPost(reader, "#own", body, "Own Reader", "own-" + unique + "@example.org");
            reader.awaitText("#own .nc-form-message", "Your comment is awaiting moderation");
            long id = justPosted(reader);

            // After a reload the shared thread has no such comment; the embed asks for it with its token
            open(reader, root.toString(), article, 15, null);
            WebElement mine = reader.awaitText("#own .nc-thread #comment-" + id, body);
            assertTrue(mine.getText().contains("Your comment is awaiting moderation"), mine.getText());
            assertTrue(mine.getText().contains("Your comment"));
            assertEquals(List.of("GET /api/comments/" + id), reader.script("return window.__stubCalls"));
            assertTrue(reader.findAll("#comment-" + id + " .nc-report").isEmpty(), "no Report on one's own comment");
            assertFalse(reader.find("#comment-" + id + " .nc-reply").isDisplayed(), "no Reply while pending");

            // Edit, with the time left; Save sends the new text, the card shows it and says "edited"
            WebElement edit = reader.find("#comment-" + id + " .nc-edit");
            assertTrue(edit.getDomAttribute("aria-label").matches("Edit your comment \\(1[45] minutes left\\)"),
                    edit.getDomAttribute("aria-label"));
            edit.sendKeys(Keys.ENTER);
            WebElement editor = reader.driver().switchTo().activeElement();
            assertEquals(body, editor.getDomProperty("value"));
            assertTrue(reader.find("#comment-" + id + " .nc-editor .nc-hint").getText()
                    .matches("You can edit your comment for 1[45] minutes more\\."));
            assertEquals(List.of(), reader.axe(ReportBrowserTest.FORM_RULES), "the editor");
            Pages.type(editor, "Held, and better put " + unique);
            reader.find("#comment-" + id + " .nc-save").click();
            reader.awaitText("#comment-" + id + " .nc-own-message", "Your change is saved. Your comment is still"
                    + " awaiting moderation.");
            assertEquals("Held, and better put " + unique, reader.find("#comment-" + id + " .nc-body").getText());
            assertEquals("edited", reader.find("#comment-" + id + " .nc-edited").getText());
            reader.screenshot("reader-own-edited");

            // Delete asks first; "Keep it" keeps it, "Delete comment" takes it off the page
            reader.find("#comment-" + id + " .nc-delete").click();
            WebElement question = reader.driver().switchTo().activeElement();
            assertEquals("Delete your comment? This cannot be undone.", question.getText());
            assertEquals(List.of(), reader.axe(ReportBrowserTest.FORM_RULES), "the confirmation");
            new Actions(reader.driver()).sendKeys(Keys.TAB, Keys.TAB, Keys.ENTER).perform(); // Keep it
            assertTrue(reader.findAll("#comment-" + id + " .nc-confirm").isEmpty());
            assertEquals(reader.find("#comment-" + id + " .nc-delete"), reader.driver().switchTo().activeElement());
            reader.find("#comment-" + id + " .nc-delete").click();
            reader.find("#comment-" + id + " .nc-confirm-delete").click();
            reader.awaitText("#own .nc-notice-banner", "Your comment was deleted.");
            assertTrue(reader.findAll("#comment-" + id).isEmpty());
            assertFalse(Pages.storage(reader).values().stream().anyMatch(v -> v.contains("\"id\":" + id + ",")),
                    "the token is forgotten: " + Pages.storage(reader));

            open(reader, root.toString(), article, 15, null);
            reader.awaitText("#own .nc-empty", "No comments yet");
            assertTrue(reader.findAll("#comment-" + id).isEmpty());
        }
    }

    @Test
    void shouldSayWhenAnEditSendsAPublishedCommentBackAndWhenTheTimeIsUp() throws Exception {
        String article = article("POST");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        try (Browser reader = Browser.start()) {
            reader.connectFrom(randomIp());
            open(reader, root.toString(), article, 15, "PENDING");
            Pages.fillAndPost(reader, "#own", "Published at once " + unique, "Quick Reader",
                    "quick-" + unique + "@example.org");
            reader.awaitText("#own .nc-form-message", "Your comment has been published.");
            long id = justPosted(reader);
            assertEquals("1 Comment", reader.find("#own .nc-heading").getText());
            assertTrue(reader.find("#comment-" + id + " .nc-reply").isDisplayed());

            reader.find("#comment-" + id + " .nc-edit").click();
            Pages.type(reader.driver().switchTo().activeElement(), "Published, then changed " + unique);
            reader.find("#comment-" + id + " .nc-save").click();
            reader.awaitText("#comment-" + id + " .nc-own-message",
                    "Your change is saved. Your comment is awaiting moderation again.");
            assertTrue(reader.find("#comment-" + id + " .nc-pending").isDisplayed());
            assertFalse(reader.find("#comment-" + id + " .nc-reply").isDisplayed());
            assertEquals("Comments", reader.find("#own .nc-heading").getText());
        }
        try (Browser reader = Browser.start()) {
            reader.connectFrom(randomIp());
            // Five seconds to edit: the editor is open when the time runs out, and the service refuses the change
            open(reader, root.toString(), article, 5.0 / 60, null);
            Pages.fillAndPost(reader, "#own", "Too slow " + unique, "Slow Reader", "slow-" + unique + "@example.org");
            reader.awaitText("#own .nc-form-message", "Your comment has been published.");
            long id = justPosted(reader);
            reader.find("#comment-" + id + " .nc-edit").click();
            Pages.type(reader.driver().switchTo().activeElement(), "Too slow, changed " + unique);
            reader.await(d -> !d.findElement(org.openqa.selenium.By.cssSelector("#comment-" + id + " .nc-edit"))
                    .isDisplayed());
            reader.find("#comment-" + id + " .nc-save").click();
            reader.awaitText("#comment-" + id + " .nc-own-message", "The time for editing this comment has passed");
            assertEquals("Too slow " + unique, reader.find("#comment-" + id + " .nc-body").getText());
            assertTrue(reader.findAll("#comment-" + id + " .nc-editor").isEmpty());
            assertTrue(reader.find("#comment-" + id + " .nc-delete").isDisplayed(), "Delete has no time limit");
        }
    }
}
