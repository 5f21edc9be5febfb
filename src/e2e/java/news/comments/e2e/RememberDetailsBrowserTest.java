package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.UUID;

import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Save my name, email, and website in this browser for the next time I comment.": only when ticked, undone by unticking. */
@QuarkusTest
class RememberDetailsBrowserTest {

    private static final String LABEL = "Save my name, email, and website in this browser for the next time I comment.";

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldKeepTheDetailsOnlyWhileTheReaderWantsThemKept() throws Exception {
        String article = newArticleId();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "remember-" + unique + "@example.org";
        try (Browser reader = Browser.start()) {
            reader.connectFrom(randomIp());
            Pages.openArticle(reader, root.toString(), "remember", article);
            WebElement remember = reader.find("#remember input[name=remember]");
            assertFalse(remember.isSelected(), "unchecked by default");
            assertEquals(LABEL, reader.find("#remember label[for='" + remember.getDomAttribute("id") + "']").getText());

            // Not ticked: the comment goes, the details are not kept
            Pages.fillAndPost(reader, "#remember", "Not kept " + unique, "Private Reader", email);
            reader.awaitText("#remember .nc-form-message", "Thank you!");
            Pages.openArticle(reader, root.toString(), "remember", article);
            assertEquals("", value(reader, "authorName"));
            assertEquals("", value(reader, "authorEmail"));

            // Ticked (with the keyboard): kept, and the next visit finds the form filled and the box still ticked
            Pages.type(reader.find("#remember input[name=authorUrl]"), "https://reader.example/" + unique);
            reader.find("#remember input[name=remember]").sendKeys(" ");
            Pages.fillAndPost(reader, "#remember", "Kept " + unique, "Returning Reader", email);
            reader.awaitText("#remember .nc-form-message", "Thank you!");
            Pages.openArticle(reader, root.toString(), "remember", article);
            assertEquals("Returning Reader", value(reader, "authorName"));
            assertEquals(email, value(reader, "authorEmail"));
            assertEquals("https://reader.example/" + unique, value(reader, "authorUrl"));
            assertTrue(reader.find("#remember input[name=remember]").isSelected());
            assertEquals("", value(reader, "body"), "the comment itself is never kept");
            reader.screenshot("reader-remembered");

            // Unticking forgets them at once, without posting anything
            reader.find("#remember input[name=remember]").click();
            assertFalse(Pages.storage(reader).values().stream().anyMatch(v -> v.contains(email)),
                    "nothing kept: " + Pages.storage(reader));
            Pages.openArticle(reader, root.toString(), "remember", article);
            assertEquals("", value(reader, "authorName"));
            assertEquals("", value(reader, "authorEmail"));
            assertEquals("", value(reader, "authorUrl"));
            assertFalse(reader.find("#remember input[name=remember]").isSelected());
        }
    }

    private static String value(Browser reader, String name) {
        return reader.find("#remember [name=" + name + "]").getDomProperty("value");
    }
}
