package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.Map;

import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.validComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader's thread: replies under their parent across pages, orphans at the top level, and answering. */
@QuarkusTest
class CommentThreadBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldNestRepliesAcrossPagesAndLetTheReaderAnswerAComment() throws Exception {
        String article = newArticleId();
        long parent = publishedComment(article, comment("The parent comment"));
        publishedComment(article, comment("A second comment"));
        long gone = publishedComment(article, comment("A comment rejected later"));
        long reply = publishedComment(article, reply("A reply to the parent", parent));
        long orphan = publishedComment(article, reply("A reply whose parent was rejected", gone));
        moderator().post("/api/moderation/comments/{id}/reject", gone).then().statusCode(200);

        try (Browser reader = Browser.start()) {
            reader.open(root.toString());
            reader.awaitText("h1", "North Korea-Russia");
            // Two comments a page: the reply arrives on the second page, after its parent
            reader.script("var d = document.createElement('div'); d.id = 'thread';"
                    + " d.setAttribute('data-article-id', arguments[0]); d.setAttribute('data-page-size', '2');"
                    + " document.querySelector('main').appendChild(d); NewsComments.mount(d);", article);
            reader.awaitText("#thread .nc-heading", "4 Comments");
            assertTrue(reader.findAll("#comment-" + reply).isEmpty());
            reader.awaitText("#thread .nc-more", "Load more comments").click();
            reader.awaitText("#comment-" + reply, "A reply to the parent");

            assertEquals("comment-" + reply, reader.find("#comment-" + parent + " > .nc-children > li")
                    .getDomAttribute("id"));
            WebElement orphaned = reader.find("#comment-" + orphan);
            assertEquals("nc-thread", orphaned.findElement(By.xpath("..")).getDomAttribute("class"));
            assertFalse(reader.find("#thread .nc-more").isDisplayed());

            // Reply moves the form under the comment and puts the cursor in it
            reader.find("#comment-" + parent + " .nc-reply").click();
            WebElement body = reader.find("#comment-" + parent + " .nc-respond textarea[name=body]");
            assertEquals(body, reader.driver().switchTo().activeElement());
            reader.awaitText("#thread .nc-reply-note", "Replying to Parent Author");
            Pages.fillAndPost(reader, "#comment-" + parent, "I answer the parent", "Answering Reader",
                    "answer@example.org");
            WebElement pending = reader.awaitText("#comment-" + parent + " .nc-children .nc-comment",
                    "I answer the parent");
            assertTrue(pending.getText().contains("Your comment is awaiting moderation"));
            assertFalse(reader.find("#thread .nc-reply-note").isDisplayed());
            reader.screenshot("reader-thread");
        }
    }

    private static Map<String, Object> comment(String body) {
        Map<String, Object> comment = validComment();
        comment.put("authorName", "Parent Author");
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
