package news.comments.moderation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The moderators' door: the queue, decisions with history, the version race, bulk, and who may enter. */
@QuarkusTest
class ModerationResourceTest {

    @Test
    void shouldFilterTheQueueByEveryRuleTheServiceHasAndListThem() {
        List<String> rules = moderator().get("/api/moderation/rules").then().statusCode(200).extract().jsonPath()
                .getList("rules");
        assertEquals(List.of("honeypot", "banned", "block-list", "hold-word", "max-links", "returning-commenter",
                "learned-filter", "reports"), rules, "every rule bean in its order, then the report threshold");

        moderator().queryParam("rule", "learned-filter").queryParam("articleId", newArticleId())
                .get("/api/moderation/queue").then()
                .statusCode(200)
                .body("rule", equalTo("learned-filter"))
                .body("comments", hasSize(0));
        moderator().queryParam("rule", "no-such-rule").get("/api/moderation/queue").then()
                .statusCode(400)
                .body("violations[0].field", equalTo("rule"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("learned-filter"));
        reader().get("/api/moderation/rules").then().statusCode(401);
    }

    @Test
    void shouldWalkFromPostThroughQueueAndApprovalToPublicThread() {
        String article = newArticleId();
        Map<String, Object> comment = validComment();
        comment.put("authorUrl", "https://reader.example.org/");
        long id = postComment(article, comment);

        moderator().queryParam("articleId", article).get("/api/moderation/queue").then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("comments.id", contains((int) id))
                .body("comments[0].articleId", equalTo(article))
                .body("comments[0].authorName", equalTo(comment.get("authorName")))
                .body("comments[0].authorEmail", equalTo(comment.get("authorEmail")))
                .body("comments[0].authorUrl", equalTo("https://reader.example.org/"))
                .body("comments[0].body", equalTo(comment.get("body")))
                .body("comments[0].status", equalTo("PENDING"))
                .body("comments[0].ip", equalTo("127.0.0.1"))
                .body("comments[0].userAgent", notNullValue())
                .body("comments[0].version", equalTo(0))
                .body("comments[0].createdAt", notNullValue())
                .body("comments[0].parentId", nullValue());
        reader().get("/api/articles/{a}/comments", article).then().body("total", equalTo(0));

        moderator().header("If-Match", "\"0\"").body(Map.of("reason", "on topic"))
                .post("/api/moderation/comments/{id}/approve", id).then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("APPROVED"))
                .body("version", equalTo(1))
                .body("moderatedBy", equalTo("test-moderator"))
                .body("history", hasSize(2))
                .body("history[1].actor", equalTo("test-moderator"))
                .body("history.actorKind", contains("SYSTEM", "MODERATOR"))
                .body("history[1].from", equalTo("PENDING"))
                .body("history[1].to", equalTo("APPROVED"))
                .body("history[1].reason", equalTo("on topic"));

        moderator().queryParam("articleId", article).get("/api/moderation/queue").then()
                .body("comments", hasSize(0));
        reader().get("/api/articles/{a}/comments", article).then()
                .body("total", equalTo(1))
                .body("comments.id", contains((int) id));
    }

    @Test
    void shouldKeepEveryDecisionInTheHistoryWhenAModeratorChangesTheirMind() {
        long id = postComment(newArticleId());
        moderator().post("/api/moderation/comments/{id}/approve", id).then().statusCode(200);
        moderator().body(Map.of("reason", "personal attack")).post("/api/moderation/comments/{id}/reject", id)
                .then().statusCode(200);
        moderator().post("/api/moderation/comments/{id}/spam", id).then().statusCode(200);
        moderator().get("/api/moderation/comments/{id}", id).then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("status", equalTo("SPAM"))
                .body("history.to", contains("PENDING", "APPROVED", "REJECTED", "SPAM"))
                .body("history.from", contains(null, "PENDING", "APPROVED", "REJECTED"))
                .body("history[0].actor", equalTo("system"))
                .body("history[2].reason", equalTo("personal attack"));
    }

    @Test
    void shouldChangeNothingWhenDecidingWhatTheCommentAlreadyIs() {
        long id = postComment(newArticleId());
        moderator().post("/api/moderation/comments/{id}/approve", id).then().body("version", equalTo(1));
        moderator().post("/api/moderation/comments/{id}/approve", id).then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("history", hasSize(2));
    }

    @Test
    void shouldRefuseStaleVersionWith412AndChangeNothing() {
        long id = postComment(newArticleId());
        moderator().header("If-Match", "\"0\"").post("/api/moderation/comments/{id}/approve", id)
                .then().statusCode(200);
        moderator().header("If-Match", "\"0\"").post("/api/moderation/comments/{id}/reject", id).then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/stale-version"));
        moderator().get("/api/moderation/comments/{id}", id).then()
                .body("status", equalTo("APPROVED"))
                .body("version", equalTo(1))
                .body("history", hasSize(2));
    }

    @Test
    void shouldSayWhatTheCommentBecameAndWhoDecidedItWhenTheDecisionCameTooLate() {
        long id = postComment(newArticleId());
        admin().header("If-Match", "\"0\"").post("/api/moderation/comments/{id}/spam", id).then().statusCode(200);

        moderator().header("If-Match", "\"0\"").post("/api/moderation/comments/{id}/approve", id).then()
                .statusCode(412)
                .body("commentStatus", equalTo("SPAM"))
                .body("moderatedBy", equalTo("admin"))
                .body("version", equalTo(1))
                .body("detail", equalTo("You saw version 0 but the comment is now at version 1: it is spam, "
                        + "decided by admin; reload it before deciding"));
    }

    @Test
    void shouldLetExactlyOneOfTwoSimultaneousModeratorsWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = postComment(newArticleId());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> moderators = new ArrayList<>();
                for (String action : new String[]{"approve", "reject"}) {
                    moderators.add(() -> {
                        start.await();
                        return moderator().header("If-Match", "\"0\"")
                                .post("/api/moderation/comments/{id}/" + action, id).then().extract().statusCode();
                    });
                }
                List<Future<Integer>> results = new ArrayList<>();
                for (Callable<Integer> m : moderators) {
                    results.add(pool.submit(m));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : results) {
                    statuses.add(f.get());
                }
                statuses.sort(Integer::compare);
                assertEquals(List.of(200, 412), statuses);
                moderator().get("/api/moderation/comments/{id}", id).then()
                        .body("version", equalTo(1))
                        .body("history", hasSize(2));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void shouldRefuseMalformedIfMatch() {
        long id = postComment(newArticleId());
        moderator().header("If-Match", "\"abc\"").post("/api/moderation/comments/{id}/approve", id).then()
                .statusCode(400)
                .body("violations[0].field", equalTo("If-Match"));
    }

    @Test
    void shouldAnswer404ForDecisionOnUnknownComment() {
        moderator().post("/api/moderation/comments/{id}/approve", Long.MAX_VALUE).then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldDecideInBulkWithOneOutcomePerId() {
        String article = newArticleId();
        long one = postComment(article);
        long two = postComment(article);
        long alreadyApproved = postComment(article);
        moderator().post("/api/moderation/comments/{id}/approve", alreadyApproved).then().statusCode(200);
        moderator().body(Map.of("action", "approve", "ids", List.of(one, two, alreadyApproved, Long.MAX_VALUE),
                        "reason", "fine"))
                .post("/api/moderation/bulk").then()
                .statusCode(200)
                .body("action", equalTo("approve"))
                .body("results.id.collect { it as Long }", contains(one, two, alreadyApproved, Long.MAX_VALUE))
                .body("results.outcome", contains("changed", "changed", "unchanged", "not-found"))
                .body("results[0].status", equalTo("APPROVED"));
        reader().get("/api/articles/{a}/comments", article).then().body("total", equalTo(3));
        moderator().get("/api/moderation/comments/{id}", one).then().body("history[1].reason", equalTo("fine"));
    }

    @Test
    void shouldRefuseBulkWithUnknownActionOrNoIds() {
        moderator().body(Map.of("action", "delete", "ids", List.of(1))).post("/api/moderation/bulk").then()
                .statusCode(400).body("violations[0].field", equalTo("action"));
        moderator().body(Map.of("action", "reject", "ids", List.of())).post("/api/moderation/bulk").then()
                .statusCode(400).body("violations[0].field", equalTo("ids"));
        List<Integer> tooMany = new ArrayList<>();
        for (int i = 1; i <= 201; i++) {
            tooMany.add(i);
        }
        moderator().body(Map.of("action", "reject", "ids", tooMany)).post("/api/moderation/bulk").then()
                .statusCode(400).body("violations[0].field", equalTo("ids"));
    }

    @Test
    void shouldFilterQueueByStatusAndPageThroughIt() {
        String article = newArticleId();
        long a = postComment(article);
        long b = postComment(article);
        long c = postComment(article);
        moderator().post("/api/moderation/comments/{id}/spam", b).then().statusCode(200);
        moderator().queryParam("articleId", article).queryParam("status", "SPAM").get("/api/moderation/queue")
                .then().body("comments.id", contains((int) b));
        String next = moderator().queryParam("articleId", article).queryParam("limit", 1)
                .get("/api/moderation/queue").then()
                .body("comments.id", contains((int) a)).extract().path("next");
        moderator().queryParam("articleId", article).queryParam("limit", 1).queryParam("after", next)
                .get("/api/moderation/queue").then()
                .body("comments.id", contains((int) c))
                .body("next", nullValue());
        moderator().queryParam("status", "ARCHIVED").get("/api/moderation/queue").then()
                .statusCode(400).body("violations[0].field", equalTo("status"));
    }

    @Test
    void shouldAnswer401WithoutCredentialsAnd403WithoutTheRole() {
        RestAssured.given().get("/api/moderation/queue").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Basic realm=\"comments\"")
                .body("type", equalTo("/problems/unauthorized"));
        RestAssured.given().auth().preemptive().basic("admin", "wrong-password").get("/api/moderation/queue").then()
                .statusCode(401)
                .contentType("application/problem+json");
        RestAssured.given().contentType(ContentType.JSON).post("/api/moderation/comments/1/approve").then()
                .statusCode(401);
        moderator().get("/api/admin/articles").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
        admin().get("/api/moderation/queue").then().statusCode(200);
    }
}
