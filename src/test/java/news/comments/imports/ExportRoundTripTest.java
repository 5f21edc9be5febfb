package news.comments.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The export read back through the import: an article's thread in every status, exported as JSON and as WXR, is
 * imported under a new article id (so the target holds none of it, as an empty service would not) and must hold the
 * same comments, threads, statuses, dates and, from JSON, history.
 */
@QuarkusTest
class ExportRoundTripTest {

    private record Thread(String articleId, Map<String, JsonPath> byBody) {
    }

    /** Posts a thread with replies in every status, answering the article id. */
    private static String thread() {
        String articleId = article("PRE");
        long first = post(articleId, "First, with a < b & <b>no markup</b>\n\nand a second paragraph", null);
        moderator().post("/api/moderation/comments/{id}/approve", first).then().statusCode(200);
        long reply = post(articleId, "A reply\nover two lines", first);
        moderator().post("/api/moderation/comments/{id}/approve", reply).then().statusCode(200);
        long deep = post(articleId, "A reply to the reply", reply);
        moderator().post("/api/moderation/comments/{id}/approve", deep).then().statusCode(200);
        post(articleId, "Still waiting", null);
        long rejected = post(articleId, "Rejected one", null);
        moderator().body(Map.of("reason", "off topic")).post("/api/moderation/comments/{id}/reject", rejected)
                .then().statusCode(200);
        long spam = post(articleId, "Spam one", null);
        moderator().post("/api/moderation/comments/{id}/spam", spam).then().statusCode(200);
        return articleId;
    }

    private static long post(String articleId, String body, Long parent) {
        Map<String, Object> comment = validComment();
        comment.put("body", body);
        if (parent != null) {
            comment.put("parentId", parent);
        }
        return postComment(articleId, comment);
    }

    private static Map<String, JsonPath> byBody(String articleId) {
        Map<String, JsonPath> found = new HashMap<>();
        ImportTest.comments(articleId).values().forEach(c -> found.put(c.getString("body"), c));
        return found;
    }

    private static void assertSameThread(Map<String, JsonPath> original, Map<String, JsonPath> copy,
                                         boolean sameHistory) {
        assertEquals(original.keySet(), copy.keySet());
        Map<Long, String> originalBodies = new HashMap<>();
        Map<Long, String> copyBodies = new HashMap<>();
        original.values().forEach(c -> originalBodies.put(c.getLong("id"), c.getString("body")));
        copy.values().forEach(c -> copyBodies.put(c.getLong("id"), c.getString("body")));
        for (String body : original.keySet()) {
            JsonPath before = original.get(body);
            JsonPath after = copy.get(body);
            assertEquals(before.getString("status"), after.getString("status"), body);
            java.time.Instant created = java.time.Instant.parse(before.getString("createdAt"));
            // WXR writes dates to the second, as WordPress keeps them
            assertEquals(sameHistory ? created : created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    java.time.Instant.parse(after.getString("createdAt")), body);
            assertEquals(before.getString("authorName"), after.getString("authorName"), body);
            assertEquals(before.getString("authorEmail"), after.getString("authorEmail"), body);
            assertEquals(before.getString("ip"), after.getString("ip"), body);
            assertEquals(before.getString("bodyHtml"), after.getString("bodyHtml"), body);
            Object parent = before.get("parentId");
            if (parent == null) {
                assertNull(after.get("parentId"), body);
            } else {
                assertEquals(originalBodies.get(before.getLong("parentId")),
                        copyBodies.get(after.getLong("parentId")), body);
            }
            if (sameHistory) {
                assertEquals(before.getList("history.to"), after.getList("history.to"), body);
                assertEquals(before.getList("history.actor"), after.getList("history.actor"), body);
                assertEquals(before.getList("history.at"), after.getList("history.at"), body);
            }
        }
    }

    @Test
    void shouldReadTheJsonExportBackAsTheSameThread() {
        String articleId = thread();
        String export = admin().queryParam("articleId", articleId).get("/api/admin/export").then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        JsonPath exported = JsonPath.from(export);
        assertEquals(1, exported.getList("articles").size());
        assertEquals(6, exported.getList("comments").size());

        String copyId = newArticleId();
        JsonPath job = ImportTest.importFile("format=json",
                export.replace("\"" + articleId + "\"", "\"" + copyId + "\"").getBytes(StandardCharsets.UTF_8));
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(6, job.getInt("comments.created"));

        assertSameThread(byBody(articleId), byBody(copyId), true);
        JsonPath again = ImportTest.importFile("format=json",
                export.replace("\"" + articleId + "\"", "\"" + copyId + "\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(6, again.getInt("comments.skipped"));
    }

    @Test
    void shouldReadTheWxrExportBackAsTheSameThread() {
        String articleId = thread();
        String export = admin().queryParam("format", "wxr").queryParam("articleId", articleId)
                .get("/api/admin/export").then().statusCode(200).contentType(containsString("application/xml"))
                .extract().asString();

        String copyId = newArticleId();
        JsonPath job = ImportTest.importFile("format=wxr",
                export.replace(">" + articleId + "<", ">" + copyId + "<").getBytes(StandardCharsets.UTF_8));
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(6, job.getInt("comments.created"));
        assertSameThread(byBody(articleId), byBody(copyId), false);
    }

    @Test
    void shouldRefuseAnUnknownFormatAndAnInvalidArticleId() {
        admin().queryParam("format", "csv").get("/api/admin/export").then().statusCode(400)
                .body("violations[0].field", equalTo("format"));
        admin().queryParam("articleId", "no spaces").get("/api/admin/export").then().statusCode(400)
                .body("violations[0].field", equalTo("articleId"));
        moderator().get("/api/admin/export").then().statusCode(403);
        List<?> none = JsonPath.from(admin().queryParam("articleId", newArticleId()).get("/api/admin/export")
                .asString()).getList("comments");
        assertEquals(0, none.size());
    }
}
