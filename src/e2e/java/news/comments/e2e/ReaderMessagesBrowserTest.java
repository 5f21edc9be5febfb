package news.comments.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The answers of auto-moderation (issue 3) that a reader must understand: too fast (429 with Retry-After) and the
 * same comment twice (409). The page's fetch answers the post here, so the messages are checked against that
 * contract whether or not this server gives those answers yet.
 */
@QuarkusTest
class ReaderMessagesBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldExplainTooFastAndDuplicateAnswers() throws Exception {
        try (Browser reader = Browser.start()) {
            reader.open(root.toString());
            reader.awaitText("#comments .nc-form-title", "Leave a Comment");
            reader.script(POST_STUB);

            reader.script("window.nextAnswer = {status: 429, retryAfter: '12', body: {type: '/problems/too-many-requests',"
                    + " title: 'Too many requests', status: 429, detail: 'Wait before posting again'}}");
            Pages.fillAndPost(reader, "#comments", "A quick second thought", "Quick Reader", "quick@example.org");
            reader.awaitText("#comments .nc-form-message", "Please wait 12 seconds and try again.");

            reader.script("window.nextAnswer = {status: 409, body: {type: '/problems/duplicate', title: 'Conflict',"
                    + " status: 409, detail: 'You posted this already'}}");
            reader.find("#comments .nc-submit").click();
            reader.awaitText("#comments .nc-form-message", "You have already posted this comment.");
            // Nothing was lost: the reader's text is still there to change
            assertEquals("A quick second thought",
                    reader.find("#comments textarea[name=body]").getDomProperty("value"));

            // The honeypot goes along as a top-level property, empty as people leave it
            String sent = (String) reader.script("return JSON.stringify(window.sentComments[0])");
            assertEquals("{\"body\":\"A quick second thought\",\"authorName\":\"Quick Reader\","
                    + "\"authorEmail\":\"quick@example.org\",\"website2\":\"\"}", sent);
        }
    }

    private static final String POST_STUB = """
            window.sentComments = [];
            var realFetch = window.fetch;
            window.fetch = function (url, init) {
              if (!init || init.method !== 'POST' || String(url).indexOf('/comments') < 0) {
                return realFetch.apply(this, arguments);
              }
              window.sentComments.push(JSON.parse(init.body));
              var next = window.nextAnswer;
              var headers = {'Content-Type': 'application/problem+json'};
              if (next.retryAfter) headers['Retry-After'] = next.retryAfter;
              return Promise.resolve(new Response(JSON.stringify(next.body), {status: next.status, headers: headers}));
            };
            """;
}
