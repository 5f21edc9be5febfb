package news.comments.e2e;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import news.comments.TestMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static news.comments.TestApi.moderation;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 in the reader's browser: the notify choices and the page go with a comment, the mailed link confirms the
 * address on the article page (once), the browser keeps the address's key and sends it, and "Forget this browser"
 * takes it back. The mail is read from the test's SMTP server (GreenMail), as the reader's mail program would.
 */
@QuarkusTest
class ReaderAddressBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldSendTheChoicesAndThePageThenConfirmTheAddressFromTheMailedLink() throws Exception {
        String article = newArticleId();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "confirm-" + unique + "@example.org";
        try (Browser reader = Browser.start()) {
            reader.connectFrom(randomIp());
            // The page was opened from some link with a stale token and a fragment: neither is part of its address
            Pages.openArticle(reader, root + "?from=e2e&token=not-a-real-token#top", "address", article);
            reader.awaitText("#comments .nc-notice-banner", "This confirmation link cannot be used");
            assertEquals(root + "?from=e2e#top", reader.driver().getCurrentUrl(), "the token left the address bar");

            WebElement replies = reader.find("#address input[name=notifyReplies]");
            WebElement published = reader.find("#address input[name=notifyPublished]");
            assertFalse(replies.isSelected(), "unchecked until the reader asks");
            assertFalse(published.isSelected());
            assertEquals("Notify me of follow-up comments by email",
                    reader.find("#address label[for='" + replies.getDomAttribute("id") + "']").getText());
            assertEquals("Notify me when my comment is published",
                    reader.find("#address label[for='" + published.getDomAttribute("id") + "']").getText());
            assertFalse(reader.find("#address .nc-forget").isDisplayed(), "no key yet, nothing to forget");
            replies.click();
            published.click();

            Pages.recordPosts(reader);
            Pages.fillAndPost(reader, "#address", "First words " + unique, "Confirming Reader", email);
            String thanks = reader.awaitText("#address .nc-form-message", "Thank you!").getText();
            assertTrue(thanks.contains("We have sent your address a message with a link to confirm that the comment is yours"),
                    thanks);
            Map<String, Object> sent = Pages.lastPosted(reader);
            assertEquals(true, sent.get("notifyReplies"));
            assertEquals(true, sent.get("notifyPublished"));
            assertEquals(root + "?from=e2e", sent.get("pageUrl"), "without the token and the fragment");
            assertEquals(reader.script("return document.title"), sent.get("pageTitle"));
            assertFalse(sent.containsKey("commenterKey"));
            long first = Long.parseLong(reader.find("#address .nc-just-posted").getDomAttribute("id")
                    .substring("comment-".length()));
            assertEquals(List.of(true, true), choices(first), "the service stored both choices");
            assertFalse(moderation(first).getBoolean("keyMatched"));

            // The link of the mail, opened on the article page: confirmed once, and the token goes from the address
            MimeMessage mail = TestMail.await(email, 1).get(0);
            String token = TestMail.token(mail);
            Pages.openArticle(reader, root + "?token=" + token, "address", article);
            reader.awaitText("#comments .nc-notice-banner", "Your address " + email + " is confirmed");
            assertEquals(root.toString(), reader.driver().getCurrentUrl());
            reader.awaitText("#address .nc-confirmed", "This browser is recognised for " + email);
            assertTrue(reader.find("#address .nc-forget").isDisplayed());
            reader.screenshot("reader-address-confirmed");
            assertEquals(List.of(), reader.axe(ReportBrowserTest.FORM_RULES), "the form with its choices");

            // The next comment carries the key (the address typed in other capitals is the same address)
            Pages.recordPosts(reader);
            Pages.fillAndPost(reader, "#address", "Second words " + unique, "Confirming Reader",
                    email.toUpperCase());
            String second = reader.awaitText("#address .nc-form-message", "Thank you!").getText();
            assertFalse(second.contains("confirm"), "with the key nothing is mailed: " + second);
            assertTrue(Pages.lastPosted(reader).get("commenterKey") instanceof String);
            long secondId = Long.parseLong(reader.find("#address .nc-just-posted").getDomAttribute("id")
                    .substring("comment-".length()));
            assertTrue(moderation(secondId).getBoolean("keyMatched"));
            assertEquals(List.of(false, false), choices(secondId), "the choices are unchecked unless ticked");

            // A reload does not try the link again; the same link opened again is used up
            reader.driver().navigate().refresh();
            reader.awaitText("#comments .nc-form-title", "Leave a Comment");
            assertFalse(reader.find("#comments .nc-notice-banner").isDisplayed());
            reader.open(root + "?token=" + token);
            reader.awaitText("#comments .nc-notice-banner", "it has been used already or it has expired");
            assertTrue(reader.find("#comments .nc-forget").isDisplayed(), "the key from before is still here");

            // Forget this browser: the key goes here and at the service, and the control with it
            reader.find("#comments .nc-forget").click();
            WebElement forgotten = reader.awaitText("#comments .nc-form-message", "This browser has been forgotten");
            assertEquals(forgotten, reader.driver().switchTo().activeElement(), "focus went to the message");
            assertFalse(reader.find("#comments .nc-forget").isDisplayed());
            assertFalse(Pages.storage(reader).values().stream().anyMatch(v -> v.contains(email)),
                    "no stored key for the address: " + Pages.storage(reader));
        }
    }

    /** The comment's notifyReplies and notifyPublished as the service stored them. */
    private List<Boolean> choices(long id) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select notify_replies, notify_published from comment where id = ?1").setParameter(1, id)
                .getSingleResult());
        return List.of((Boolean) row[0], (Boolean) row[1]);
    }
}
