package news.comments.automod;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.post;
import static news.comments.TestApi.postFrom;
import static news.comments.TestApi.randomIp;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Refusals that store nothing: flood (429 with Retry-After) and duplicate (409). */
@QuarkusTest
class RefusalsTest {

    private static void pendingCount(String article, int expected) {
        moderator().queryParam("articleId", article).get("/api/moderation/queue").then()
                .body("comments", hasSize(expected));
    }

    @Test
    void shouldRefuseASecondCommentFromTheSameIpWithinTheWindow() {
        news.comments.TestSettings.with(s -> s.put("floodSeconds", 15), () -> {
            String article = article("PRE");
            String ip = randomIp();
            postFrom(ip, article, validComment()).statusCode(201);
            postFrom(ip, article, validComment()).statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", matchesPattern("1[0-5]|[1-9]"))
                    .body("type", equalTo("/problems/too-many-requests"));
            pendingCount(article, 1);
            postFrom(randomIp(), article, validComment()).statusCode(201);
        });
    }

    @Test
    void shouldRefuseASecondCommentFromTheSameEmailFromAnotherIp() {
        news.comments.TestSettings.with(s -> s.put("floodSeconds", 15), () -> {
            String article = article("PRE");
            Map<String, Object> first = validComment();
            postFrom(randomIp(), article, first).statusCode(201);
            Map<String, Object> second = validComment();
            second.put("authorEmail", first.get("authorEmail").toString().toUpperCase());
            postFrom(randomIp(), article, second).statusCode(429);
            pendingCount(article, 1);
        });
    }

    @Test
    void shouldLeaveTheIpOfARefusedCommentUnclaimed() {
        news.comments.TestSettings.with(s -> s.put("floodSeconds", 15), () -> {
            String article = article("PRE");
            Map<String, Object> first = validComment();
            postFrom(randomIp(), article, first).statusCode(201);
            String freshIp = randomIp();
            Map<String, Object> sameEmail = validComment();
            sameEmail.put("authorEmail", first.get("authorEmail"));
            // refused for its email; the new IP it also brought must not count as having posted
            postFrom(freshIp, article, sameEmail).statusCode(429)
                    .header("Retry-After", matchesPattern("1[0-5]|[1-9]"));
            postFrom(freshIp, article, validComment()).statusCode(201);
            pendingCount(article, 2);
        });
    }

    @Test
    void shouldAdmitAgainOnceTheWindowHasPassed() throws InterruptedException {
        news.comments.TestSettings.with(s -> s.put("floodSeconds", 1), () -> {
            String article = article("PRE");
            String ip = randomIp();
            postFrom(ip, article, validComment()).statusCode(201);
            postFrom(ip, article, validComment()).statusCode(429).header("Retry-After", "1");
            sleep(1100);
            postFrom(ip, article, validComment()).statusCode(201);
        });
    }

    @Test
    void shouldAdmitExactlyOneOfManySimultaneousCommentsFromOneIp() throws Exception {
        news.comments.TestSettings.with(s -> s.put("floodSeconds", 15), () -> {
            String article = article("PRE");
            String ip = randomIp();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Callable<Integer> poster = () -> {
                        start.await();
                        return postFrom(ip, article, validComment()).extract().statusCode();
                    };
                    results.add(pool.submit(poster));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : results) {
                    statuses.add(result.get());
                }
                assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
                assertEquals(7, statuses.stream().filter(s -> s == 429).count(), statuses::toString);
                pendingCount(article, 1);
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                pool.shutdownNow();
            }
        });
    }

    @Test
    void shouldRefuseTheSameBodyFromTheSameAuthorOnTheSameArticle() {
        String article = article("PRE");
        Map<String, Object> first = validComment();
        first.put("body", "Great reporting, thank you.");
        post(article, first).statusCode(201);
        Map<String, Object> again = new HashMap<>(first);
        again.put("body", "  GREAT REPORTING, thank you.\n ");
        again.put("authorEmail", first.get("authorEmail").toString().toUpperCase());
        post(article, again).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/duplicate-comment"));
        pendingCount(article, 1);

        Map<String, Object> otherAuthor = new HashMap<>(first);
        otherAuthor.put("authorEmail", "someone-else-" + System.nanoTime() + "@example.org");
        post(article, otherAuthor).statusCode(201);
        post(article("PRE"), first).statusCode(201);
        Map<String, Object> edited = new HashMap<>(first);
        edited.put("body", "Great reporting, thank you!");
        post(article, edited).statusCode(201);
    }

    @Test
    void shouldStoreOnlyOneOfManySimultaneousDuplicates() throws Exception {
        String article = article("PRE");
        Map<String, Object> comment = validComment();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return postFrom(randomIp(), article, comment).extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
            pendingCount(article, 1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
