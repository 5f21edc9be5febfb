package news.comments;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.reader;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot reads issue a small, constant number of statements whatever the page size (no N+1), page by keyset (no
 * OFFSET), and a cached thread page issues none. Counted with Hibernate statistics
 * ({@code %test.quarkus.hibernate-orm.statistics=true}) and the SQL text from {@link SqlRecorder}.
 */
@QuarkusTest
class QueryCountTest {

    private static final int PAGE = 50;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    @PersistenceUnitExtension
    SqlRecorder sql;

    private Statistics statistics;

    @BeforeEach
    void setUp() {
        statistics = sessionFactory.getStatistics();
        moderator().get("/api/moderation/queue?limit=1").then().statusCode(200);
    }

    @Test
    void shouldReadA50CommentThreadPageWithTwoStatementsAndACachedOneWithNone() {
        String article = newArticleId();
        List<Long> ids = postComments(article, PAGE + 1);
        moderator().body(Map.of("action", "approve", "ids", ids)).post("/api/moderation/bulk").then().statusCode(200);

        String next = measure(() -> reader().queryParam("limit", PAGE).get("/api/articles/{a}/comments", article)
                .then().statusCode(200).body("comments", hasSize(PAGE)).extract().jsonPath().getString("next"));
        assertStatements(2, "thread page (page + total)");

        measure(() -> reader().queryParam("limit", PAGE).get("/api/articles/{a}/comments", article)
                .then().statusCode(200));
        assertStatements(0, "cached thread page");

        measure(() -> reader().queryParam("limit", PAGE).queryParam("after", next)
                .get("/api/articles/{a}/comments", article).then().statusCode(200).body("comments", hasSize(1)));
        assertStatements(2, "second thread page");
        assertKeyset();
    }

    @Test
    void shouldReadA50ItemModerationQueuePageWithAConstantNumberOfStatements() {
        String article = newArticleId();
        postComments(article, PAGE + 1);
        JsonPath first = measure(() -> moderator().queryParam("articleId", article).queryParam("limit", PAGE)
                .get("/api/moderation/queue").then().statusCode(200).body("comments", hasSize(PAGE))
                .extract().jsonPath());
        // the moderator's login (one account look-up), the page itself, then the rule hits, the open reports and
        // which authors' addresses are verified, of the whole page in one query each; nothing per item
        assertStatements(5, "moderation queue page");
        assertEquals(0, statistics.getCollectionFetchCount(), "no collection loaded per item");
        measure(() -> moderator().queryParam("articleId", article).queryParam("limit", PAGE)
                .queryParam("after", first.getString("next")).get("/api/moderation/queue").then()
                .statusCode(200).body("comments", hasSize(1)));
        assertStatements(5, "second moderation queue page");
        measure(() -> moderator().queryParam("limit", PAGE).get("/api/moderation/queue").then().statusCode(200));
        assertStatements(5, "whole queue, first page");
        assertKeyset();
    }

    @Test
    void shouldListArticlesWithTheirCountsInThreeStatements() {
        postComment(newArticleId());
        measure(() -> TestApi.admin().queryParam("limit", PAGE).get("/api/admin/articles").then().statusCode(200));
        // the admin's login, the page of articles, and one grouped count for all of them
        assertStatements(3, "admin article list");
        assertKeyset();
    }

    @Test
    void shouldCountManyArticlesInOneStatement() {
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            articles.add(newArticleId());
            postComment(articles.get(i));
        }
        measure(() -> reader().queryParam("articleId", articles).get("/api/comment-counts").then().statusCode(200)
                .body("counts.size()", equalTo(3)));
        assertStatements(1, "comment counts");
        assertTrue(sql.statements().get(0).toLowerCase(Locale.ROOT).contains("group by"));
    }

    private <T> T measure(java.util.function.Supplier<T> request) {
        statistics.clear();
        sql.clear();
        return request.get();
    }

    private void measure(Runnable request) {
        measure(() -> {
            request.run();
            return null;
        });
    }

    /** Counted by {@link SqlRecorder}, which leaves out the outbox sender's polling (Hibernate's statistics would not). */
    private void assertStatements(long expected, String what) {
        List<String> statements = sql.statements();
        assertEquals(expected, statements.size(), () -> what + " issued " + statements.size() + " statements: "
                + statements);
    }

    /** Every statement of the last request pages by keyset: no OFFSET clause, not even OFFSET 0. */
    private void assertKeyset() {
        for (String statement : sql.statements()) {
            assertFalse(statement.toLowerCase(Locale.ROOT).contains("offset"), () -> "OFFSET in " + statement);
        }
    }

    private static List<Long> postComments(String article, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(postComment(article));
        }
        return ids;
    }
}
