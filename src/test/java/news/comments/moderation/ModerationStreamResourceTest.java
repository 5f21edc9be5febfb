package news.comments.moderation;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static news.comments.TestApi.MODERATOR;
import static news.comments.TestApi.MODERATOR_PASSWORD;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.validComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live stream of the moderation console. Every read has a deadline, so a missing event fails the test instead of
 * hanging the build.
 */
@QuarkusTest
class ModerationStreamResourceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @TestHTTPResource("/api/moderation/stream")
    URI streamUri;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService readers = Executors.newCachedThreadPool();

    @Test
    void shouldRefuseAVisitorWithoutCredentials() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(streamUri).timeout(DEADLINE)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    }

    @Test
    void shouldTellEveryOpenConsoleOfANewCommentAndOfItsDecision() throws Exception {
        moderator(); // creates the moderator account on first use
        try (Stream first = open(); Stream second = open()) {
            String article = newArticleId();
            Map<String, Object> comment = validComment();
            long id = postComment(article, comment);
            String arrived = "\"type\":\"new\",\"commentId\":" + id + ",";

            String seenByFirst = first.await(line -> line.contains(arrived));
            String seenBySecond = second.await(line -> line.contains(arrived));
            assertEquals(seenByFirst, seenBySecond);
            assertTrue(seenByFirst.contains("\"articleId\":\"" + article + "\""), seenByFirst);
            assertTrue(seenByFirst.contains("\"to\":\"PENDING\""), seenByFirst);
            assertFalse(seenByFirst.contains((String) comment.get("authorEmail")), "no personal data: " + seenByFirst);
            assertFalse(seenByFirst.contains((String) comment.get("authorName")), "no personal data: " + seenByFirst);

            moderator().post("/api/moderation/comments/{id}/approve", id).then().statusCode(200);
            String decided = first.await(line -> line.contains("\"type\":\"decided\",\"commentId\":" + id + ","));
            assertTrue(decided.contains("\"from\":\"PENDING\",\"to\":\"APPROVED\""), decided);
        } finally {
            readers.shutdownNow();
        }
    }

    /** An open stream, read line by line; {@link #open()} returns once the server said it listens. */
    private Stream open() throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((MODERATOR + ":" + MODERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<InputStream> response = client.sendAsync(HttpRequest.newBuilder(streamUri)
                        .header("Accept", "text/event-stream").header("Authorization", "Basic " + basic).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Stream stream = new Stream(response.body());
        stream.await(line -> line.contains("\"type\":\"connected\""));
        return stream;
    }

    private final class Stream implements AutoCloseable {
        private final InputStream body;
        private final BufferedReader lines;
        private final List<String> seen = new ArrayList<>();

        Stream(InputStream body) {
            this.body = body;
            this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        }

        /** The first {@code data:} line that matches, read within the deadline. */
        String await(Predicate<String> wanted) throws Exception {
            Future<String> match = readers.submit(() -> {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    seen.add(line);
                    if (line.startsWith("data:") && wanted.test(line)) {
                        return line;
                    }
                }
                throw new IOException("the stream ended; lines seen: " + seen);
            });
            try {
                return match.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                match.cancel(true);
                throw new AssertionError("no matching event within " + DEADLINE + "; lines seen: " + seen);
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
