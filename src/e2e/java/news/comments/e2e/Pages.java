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

    /**
     * Makes the page keep the JSON body of every comment it posts from now on (until it is left), for
     * {@link #lastPosted}: what the embed sends, as the service receives it.
     */
    static void recordPosts(Browser reader) {
        reader.script("if (window.__posted) return; window.__posted = []; var real = window.fetch;"
                + " window.fetch = function (url, init) {"
                + "  if (init && init.method === 'POST' && /\\/comments$/.test(String(url)))"
                + "   window.__posted.push(init.body);"
                + "  return real.apply(this, arguments); };");
    }

    /** The body of the last comment the page posted since {@link #recordPosts}, parsed. */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> lastPosted(Browser reader) {
        return (java.util.Map<String, Object>) reader.script(
                "var p = window.__posted || []; return p.length ? JSON.parse(p[p.length - 1]) : null;");
    }

    /** Every entry the embed keeps in this page's localStorage, as {name: text}. */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, String> storage(Browser reader) {
        return (java.util.Map<String, String>) reader.script("var all = {}; for (var i = 0; i < localStorage.length;"
                + " i++) { var k = localStorage.key(i); all[k] = localStorage.getItem(k); } return all;");
    }

    static void type(WebElement input, String text) {
        input.clear();
        if (text != null && !text.isEmpty()) {
            input.sendKeys(text);
        }
    }
}
