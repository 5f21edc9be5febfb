package news.comments.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The steps people take on the two pages, shared by the browser tests. */
final class Pages {

    /** The article of the demo page at {@code /}. */
    static final String DEMO_ARTICLE = "demo-north-korea-russia-arms-deal";

    private Pages() {
    }

    /** Opens the console at {@code /moderation} and signs in; returns once the live stream is connected. */
    static void signIn(Browser console, String root, String user, String password) {
        console.open(root + "moderation");
        WebElement name = console.await(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        console.screenshot("console-sign-in");
        name.sendKeys(user);
        console.find("#login-password").sendKeys(password, Keys.ENTER);
        console.await(ExpectedConditions.attributeToBe(By.id("stream-status"), "data-state", "live"));
    }

    /** Shows only the comments of one article in the console's current tab, and waits for the list. */
    static void filterByArticle(Browser console, String articleId) {
        WebElement filter = console.find("#filter-article");
        filter.clear();
        filter.sendKeys(articleId, Keys.ENTER);
        console.await(d -> d.findElement(By.id("queue-list")).getAttribute("aria-busy") == null
                && (!d.findElements(By.cssSelector("#queue-list .item")).isEmpty()
                || d.findElement(By.id("queue-empty")).isDisplayed()
                || d.findElement(By.id("queue-notice")).isDisplayed()));
    }

    /**
     * Opens the demo page and adds a comment section for {@code articleId} as {@code <div id="{id}">}, the way a
     * single-page site mounts one, so that a test has an article of its own.
     */
    static void openArticle(Browser reader, String root, String id, String articleId) {
        reader.open(root);
        reader.awaitText("h1", "North Korea-Russia");
        reader.script("var d = document.createElement('div'); d.id = arguments[0];"
                + " d.setAttribute('data-article-id', arguments[1]); document.querySelector('main').appendChild(d);"
                + " NewsComments.mount(d);", id, articleId);
        reader.awaitText("#" + id + " .nc-form-title", "Leave a Comment");
    }

    /** Fills the reader's form inside {@code scope} (a CSS selector of the comment section) and sends it. */
    static void fillAndPost(Browser reader, String scope, String body, String name, String email) {
        reader.awaitText(scope + " .nc-form-title", "Leave a Comment");
        type(reader.find(scope + " textarea[name=body]"), body);
        type(reader.find(scope + " input[name=authorName]"), name);
        type(reader.find(scope + " input[name=authorEmail]"), email);
        reader.find(scope + " .nc-submit").click();
    }

    static void type(WebElement input, String text) {
        input.clear();
        if (text != null && !text.isEmpty()) {
            input.sendKeys(text);
        }
    }
}
