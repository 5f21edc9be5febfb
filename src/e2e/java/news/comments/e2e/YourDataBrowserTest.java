package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import news.comments.TestMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Your data" under the comment form, with the keyboard alone: the disclosure opens, a wrong address is named at its
 * field, a right one gets a mailed link to the erase page, and a second ask from the same client is told to wait.
 */
@QuarkusTest
class YourDataBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldAskForAnErasureLinkWithTheKeyboardAndSayWhatHappened() throws Exception {
        String address = "your-data-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        try (Browser reader = Browser.start()) {
            reader.connectFrom(randomIp());
            Pages.openArticle(reader, root.toString(), "data", newArticleId());
            WebElement summary = reader.awaitText("#data .nc-your-data-summary", "Your data");
            WebElement email = reader.find("#data .nc-your-data input[name=email]");
            assertFalse(email.isDisplayed(), "closed until asked for");

            summary.sendKeys(Keys.ENTER);
            assertTrue(email.isDisplayed());
            assertEquals(List.of(), reader.axe(ReportBrowserTest.FORM_RULES), "the data form");
            email.sendKeys("not an address");
            reader.find("#data .nc-your-data-send").click();
            WebElement error = reader.awaitText("#data .nc-your-data .nc-error", "Enter the email address");
            assertEquals("true", email.getDomAttribute("aria-invalid"));
            assertTrue(email.getDomAttribute("aria-describedby").contains(error.getDomAttribute("id")));
            assertEquals(email, reader.driver().switchTo().activeElement());

            Pages.type(email, address);
            email.sendKeys(Keys.TAB);
            reader.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN); // to "Erase ..."
            reader.find("#data .nc-your-data-send").sendKeys(Keys.ENTER);
            reader.awaitText("#data .nc-your-data-message", "A mail with a link is on its way to " + address);
            reader.awaitText("#data .nc-live", "A mail with a link is on its way");
            MimeMessage mail = TestMail.await(address, 1).get(0);
            assertEquals("Your comments: erase your data", TestMail.subject(mail));
            assertTrue(TestMail.text(mail).contains("/api/commenters/data-page?token="));

            reader.find("#data .nc-your-data-send").sendKeys(Keys.ENTER);
            String refused = reader.awaitText("#data .nc-your-data-message", "Please wait").getText();
            assertTrue(refused.matches("Please wait \\d+ seconds? before asking again\\."), refused);
        }
    }
}
