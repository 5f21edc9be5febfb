package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.validComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the reader's page looks and behaves around the comments: its icon, a reply form that starts clean, a phone's
 * narrow screen, and replies set apart from their parent.
 */
@QuarkusTest
class ReaderPageBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldLoadTheDemoPageAndTheConsoleWithTheirIconAndNoConsoleError() throws Exception {
        try (Browser browser = Browser.start()) {
            for (String page : List.of("", "moderation/")) {
                browser.open(root + page);
                browser.await(d -> !d.findElements(By.cssSelector(".nc-form-title, #login-user")).isEmpty());
                // Both the icon the page names and the address browsers ask for by themselves answer with an image
                String icon = browser.find("link[rel=icon]").getDomProperty("href");
                assertEquals(root + "favicon.svg", icon);
                assertEquals("200 image/svg+xml", fetch(browser, icon));
                assertEquals("200 image/x-icon", fetch(browser, root + "favicon.ico"));
                assertEquals(List.of(), browser.consoleErrors(), "the console of /" + page);
            }
        }
    }

    /** Opening Reply after a post shows a clean form: the thank-you was about the previous comment. */
    @Test
    void shouldOpenTheReplyFormWithoutTheMessageOfThePreviousPost() throws Exception {
        String article = newArticleId();
        long first = publishedComment(article, named("First Author", "The first published comment"));
        long second = publishedComment(article, named("Second Author", "The second published comment"));
        try (Browser reader = Browser.start()) {
            Pages.openArticle(reader, root.toString(), "clean", article);
            reader.awaitText("#clean .nc-heading", "2 Comments");
            Pages.fillAndPost(reader, "#clean", "A comment of my own", "Posting Reader", "posting@example.org");
            reader.awaitText("#clean .nc-form-message", "Thank you! Your comment is awaiting moderation.");

            reader.find("#comment-" + first + " .nc-reply").click();
            reader.awaitText("#clean .nc-reply-note", "Replying to First Author");
            assertNoFormMessage(reader, "#comment-" + first + " .nc-respond");

            // A reply posted, then Reply on another comment: again a clean form
            Pages.fillAndPost(reader, "#comment-" + first, "A reply to the first", "Posting Reader",
                    "posting@example.org");
            reader.awaitText("#clean .nc-form-message", "Thank you! Your comment is awaiting moderation.");
            reader.find("#comment-" + second + " .nc-reply").click();
            reader.awaitText("#clean .nc-reply-note", "Replying to Second Author");
            assertNoFormMessage(reader, "#comment-" + second + " .nc-respond");
            reader.screenshot("reader-reply-form-clean");
        }
    }

    @Test
    void shouldFitAPhoneOf320PixelsWithoutScrollingSideways() throws Exception {
        String article = newArticleId();
        long parent = publishedComment(article, named("Parent Author", "A parent comment with a long enough text"));
        publishedComment(article, reply("A reply under it", parent));
        try (Browser reader = Browser.start()) {
            reader.viewport(320, 640);
            Pages.openArticle(reader, root.toString(), "phone", article);
            reader.awaitText("#phone .nc-heading", "2 Comments");
            Number scrollWidth = (Number) reader.script("return document.documentElement.scrollWidth");
            assertTrue(scrollWidth.intValue() <= 320, "the page is " + scrollWidth + " px wide at 320 px");
            // A phone's browser widens its viewport to a page too wide for it; this one stayed the phone's width
            Number innerWidth = (Number) reader.script("return window.innerWidth");
            assertEquals(320, innerWidth.intValue(), "the viewport grew to the page's width");
            List<WebElement> links = reader.findAll(".masthead nav a");
            Number right = (Number) reader.script("return arguments[0].getBoundingClientRect().right",
                    links.get(links.size() - 1));
            assertTrue(right.doubleValue() <= 320, "the masthead's last link ends at " + right);
        }
    }

    @Test
    void shouldSetAReplysCardApartFromItsParentsCard() throws Exception {
        String article = newArticleId();
        long parent = publishedComment(article, named("Parent Author", "The parent comment"));
        long child = publishedComment(article, reply("The reply", parent));
        try (Browser reader = Browser.start()) {
            Pages.openArticle(reader, root.toString(), "gap", article);
            reader.awaitText("#comment-" + child, "The reply");
            Number gap = (Number) reader.script("return document.querySelector(arguments[1]).getBoundingClientRect().top"
                    + " - document.querySelector(arguments[0]).getBoundingClientRect().bottom",
                    "#comment-" + parent + " > .nc-card", "#comment-" + child + " > .nc-card");
            assertTrue(gap.doubleValue() >= 8, "the reply's card starts " + gap + " px below its parent's");
            reader.screenshot("reader-reply-gap");
        }
    }

    private static void assertNoFormMessage(Browser reader, String respond) {
        WebElement message = reader.find(respond + " .nc-form-message");
        assertFalse(message.isDisplayed(), "still shown: " + message.getDomProperty("textContent"));
        assertEquals("", message.getDomProperty("textContent"));
    }

    /** Status and type of {@code url} as the page's own fetch sees it. */
    private static String fetch(Browser browser, String url) {
        return (String) browser.asyncScript("var done = arguments[arguments.length - 1];"
                + " fetch(arguments[0], {cache: 'no-store'}).then(function (r) {"
                + " done(r.status + ' ' + (r.headers.get('Content-Type') || '').split(';')[0]); },"
                + " function (e) { done('failed: ' + e); });", url);
    }

    private static Map<String, Object> named(String name, String body) {
        Map<String, Object> comment = validComment();
        comment.put("authorName", name);
        comment.put("body", body);
        return comment;
    }

    private static Map<String, Object> reply(String body, long parentId) {
        Map<String, Object> comment = validComment();
        comment.put("body", body);
        comment.put("parentId", parentId);
        return comment;
    }
}
