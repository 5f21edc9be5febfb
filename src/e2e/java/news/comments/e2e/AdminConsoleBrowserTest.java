package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import static news.comments.TestApi.ADMIN;
import static news.comments.TestApi.ADMIN_PASSWORD;
import static news.comments.TestApi.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An admin closes an article in the console, and a reader's comment on it is then refused with a clear message. */
@QuarkusTest
class AdminConsoleBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldLetAnAdminCloseCommentsOnAnArticle() throws Exception {
        // "a-" sorts before the test articles, so it is on the console's first page of articles (they go in id order)
        String article = "a-e2e-" + UUID.randomUUID();
        admin().body(Map.of("title", "Talks expected in the coming months", "url", "https://news.example/talks",
                "commentsOpen", true)).put("/api/admin/articles/{a}", article).then().statusCode(201);
        try (Browser console = Browser.start(); Browser reader = Browser.start()) {
            Pages.signIn(console, root.toString(), ADMIN, ADMIN_PASSWORD);
            console.await(d -> "admin".equals(d.findElement(By.id("who-role")).getDomProperty("textContent")));


            console.find("[data-view=articles]").click();
            WebElement row = console.awaitText("#articles-body tr", article);
            WebElement open = row.findElement(By.cssSelector("input[type=checkbox]"));
            open.click();
            console.awaitText("#toast", "comments closed");
            console.screenshot("console-articles");
            admin().get("/api/admin/articles?limit=500").then()
                    .body("articles.find { it.articleId == '" + article + "' }.commentsOpen", equalTo(false));

            // A reader on a page that embeds the closed article
            reader.open(root.toString());
            reader.awaitText("h1", "North Korea-Russia");
            reader.script("var d = document.createElement('div'); d.id = 'closed-comments';"
                    + " d.setAttribute('data-article-id', arguments[0]); document.querySelector('main').appendChild(d);"
                    + " NewsComments.mount(d);", article);
            Pages.fillAndPost(reader, "#closed-comments", "Too late?", "Late Reader", "late@example.org");
            reader.awaitText("#closed-comments .nc-form-message", "Comments are closed for this article.");
            assertFalse(reader.find("#closed-comments .nc-submit").isEnabled());
            reader.screenshot("reader-comments-closed");
        }
    }

    /**
     * The rules form is built from whatever settings document the server sends, and PUT back whole. The page's fetch
     * answers {@code /api/admin/settings} here with the document that auto-moderation documents (issue 3), so that
     * the form is checked against that contract whether or not this server serves it yet.
     */
    @Test
    void shouldBuildTheRulesFormFromTheSettingsDocumentAndShowItsViolations() throws Exception {
        try (Browser console = Browser.start()) {
            Pages.signIn(console, root.toString(), ADMIN, ADMIN_PASSWORD);
            console.script(SETTINGS_STUB);
            console.find("[data-view=settings]").click();
            console.awaitText("#settings-fields label", "Max links");
            WebElement maxLinks = console.find("#setting-maxLinks");
            assertEquals("number", maxLinks.getDomProperty("type"));
            assertEquals("2", maxLinks.getDomProperty("value"));
            assertEquals("casino\nlottery", console.find("#setting-holdWords").getDomProperty("value"));
            assertTrue(console.find("#setting-trustReturningCommenters").isSelected());
            assertEquals("PRE", console.find("#setting-defaultModeration").getDomProperty("value"));

            // The server's violation appears beside its field
            Pages.type(maxLinks, "-1");
            console.find("#settings-form button[type=submit]").click();
            WebElement error = console.awaitText("[data-key=maxLinks] .field-error", "must be at least 0");
            assertEquals("true", maxLinks.getDomAttribute("aria-invalid"));
            assertTrue(maxLinks.getDomAttribute("aria-describedby").contains(error.getDomAttribute("id")));
            assertEquals(maxLinks, console.driver().switchTo().activeElement());
            console.screenshot("console-rules");

            Pages.type(maxLinks, "3");
            Pages.type(console.find("#setting-holdWords"), "casino\nlottery\nfree money");
            console.find("#settings-form button[type=submit]").click();
            console.awaitText("#settings-notice", "Rules saved");
            String sent = (String) console.script("return JSON.stringify(window.settingsPuts[1])");
            assertTrue(sent.contains("\"maxLinks\":3"), sent);
            assertTrue(sent.contains("\"holdWords\":[\"casino\",\"lottery\",\"free money\"]"), sent);
            assertTrue(sent.contains("\"defaultModeration\":\"PRE\""), "the whole document goes back: " + sent);
        }
    }

    private static final String SETTINGS_STUB = """
            var doc = {maxLinks: 2, holdWords: ['casino', 'lottery'], blockWords: [], blockEmails: ['@spam.example'],
              blockIps: ['203.0.113.0/24'], trustReturningCommenters: true, floodSeconds: 15, honeypotField: 'website2',
              closeAfterDays: 0, reportsHideThreshold: 3, defaultModeration: 'PRE'};
            window.settingsPuts = [];
            var realFetch = window.fetch;
            function answer(status, body) {
              return Promise.resolve(new Response(JSON.stringify(body), {status: status,
                headers: {'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json'}}));
            }
            window.fetch = function (url, init) {
              if (String(url).indexOf('/api/admin/settings') !== 0) return realFetch.apply(this, arguments);
              if (!init || init.method !== 'PUT') return answer(200, doc);
              var sent = JSON.parse(init.body);
              window.settingsPuts.push(sent);
              if (sent.maxLinks < 0) {
                return answer(400, {type: '/problems/validation', title: 'Invalid request', status: 400,
                  detail: '1 field is invalid', violations: [{field: 'maxLinks', message: 'must be at least 0'}]});
              }
              doc = sent;
              return answer(200, doc);
            };
            """;
}
