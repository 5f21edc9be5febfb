package news.comments.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.moderator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export files that other projects wrote, each imported and checked against what an independent parser counted in it
 * ({@code src/test/resources/imports/real/README.md} names each file's repository, path, commit and licence):
 * Isso's and Remark42's test exports of WordPress and Disqus, and WordPress's own importer test data, among them its
 * theme unit test data (a WordPress.com export with the {@code https://} namespace).
 */
@QuarkusTest
class RealExportsTest {

    static byte[] real(String name) throws IOException {
        try (InputStream in = RealExportsTest.class.getResourceAsStream("/imports/real/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Every comment of an article in every status, as moderators see them, oldest first. */
    static List<JsonPath> all(String articleId) {
        List<JsonPath> comments = new ArrayList<>();
        for (String status : List.of("PENDING", "APPROVED", "REJECTED", "SPAM", "UNVERIFIED", "DELETED")) {
            List<Integer> ids = moderator().queryParam("status", status).queryParam("articleId", articleId)
                    .queryParam("limit", 200).get("/api/moderation/queue").then().statusCode(200)
                    .extract().jsonPath().getList("comments.id");
            for (Integer id : ids) {
                comments.add(moderator().get("/api/moderation/comments/{id}", id).then().statusCode(200)
                        .extract().jsonPath());
            }
        }
        comments.sort((a, b) -> a.getString("createdAt").compareTo(b.getString("createdAt")));
        return comments;
    }

    /** How deep each comment sits (1 for top level), by id. */
    static Map<Long, Integer> depths(List<JsonPath> comments) {
        Map<Long, Long> parents = new HashMap<>();
        comments.forEach(c -> parents.put(c.getLong("id"), c.get("parentId") == null ? null : c.getLong("parentId")));
        Map<Long, Integer> depths = new HashMap<>();
        for (Long id : parents.keySet()) {
            int depth = 1;
            for (Long parent = parents.get(id); parent != null; parent = parents.get(parent)) {
                depth++;
            }
            depths.put(id, depth);
        }
        return depths;
    }

    private static long count(List<JsonPath> comments, String status) {
        return comments.stream().filter(c -> c.getString("status").equals(status)).count();
    }

    @Test
    void shouldImportIssosWordPressExportWithItsMissingSlugsAndItsCommentIdUsedTwice() throws IOException {
        JsonPath job = ImportTest.importFile("format=wxr", real("isso-comments-isso--wordpress.xml"));

        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(3, job.getInt("articles.created"), job.prettify());
        assertEquals(2, job.getInt("articles.idFallbacks"), "two items without wp:post_name: named by ?p= in the link");
        assertEquals(8, job.getInt("comments.created"), "8 comments, all approved");
        assertEquals(0, job.getInt("comments.failed"), job.prettify());
        List<JsonPath> test = all("test");
        assertEquals(7, test.size());
        assertEquals(7, count(test, "APPROVED"));
        assertEquals(3, test.stream().filter(c -> c.get("parentId") != null).count(), "3 replies");
        assertEquals(3, depths(test).values().stream().mapToInt(Integer::intValue).max().orElse(0), "3 deep");
        JsonPath first = test.get(0);
        assertEquals("test@example.org", first.getString("authorEmail"), "the newline after the address is gone");
        assertEquals("::ffff:82.119.20.0", first.getString("ip"));
        assertEquals("2014-01-14T17:32:12Z", first.getString("createdAt"));
        assertEquals("Erster!1", first.getString("body"));
        List<JsonPath> byQueryLink = all("4");
        assertEquals(1, byQueryLink.size(), "comment id 11 under a second item is a second comment");
        assertEquals("2014-04-29T15:21:57Z", byQueryLink.get(0).getString("createdAt"));
        assertEquals(0, all("6").size(), "the item without comments is an article without comments");

        JsonPath again = ImportTest.importFile("format=wxr", real("isso-comments-isso--wordpress.xml"));
        assertEquals(0, again.getInt("comments.created"), again.prettify());
        assertEquals(8, again.getInt("comments.skipped"));
    }

    @Test
    void shouldImportIssosDisqusExportKeepingTheOrphanAndTheDeletedPostsReply() throws IOException {
        JsonPath job = ImportTest.importFile("format=disqus", real("isso-comments-isso--disqus.xml"));

        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(6, job.getInt("comments.created"), job.prettify());
        assertEquals(0, job.getInt("comments.failed"), job.prettify());
        assertEquals(1, job.getInt("articles.missingThreads"), "thread 1337 is not in the file");
        assertEquals("1337", job.getString("warnings[0].reason").replaceAll(".*thread (\\d+) .*", "$1"));
        List<JsonPath> main = all("some-id");
        assertEquals(4, main.size(), "the thread named by its id: posts 4, 5, 9 and 11");
        assertEquals(1, count(main, "DELETED"), "the deleted post with its empty message");
        JsonPath deleted = main.stream().filter(c -> c.getString("status").equals("DELETED")).findFirst().orElseThrow();
        assertEquals("", deleted.getString("body"));
        assertEquals(2, main.stream().filter(c -> c.get("parentId") != null).count(), "both replies keep a parent");
        assertTrue(main.stream().anyMatch(c -> c.get("parentId") != null
                && c.getLong("parentId") == deleted.getLong("id")), "the deleted post's reply keeps it as parent");
        assertEquals(2, depths(main).values().stream().mapToInt(Integer::intValue).max().orElse(0));
        assertEquals(1, all("1337").size(), "the orphan goes to an article made from its thread's id");
        assertEquals(1, all("redacted").size(), "index.html is passed over: the folder names the article");
    }

    @Test
    void shouldRefuseRemark42sDisqusFilesWholeUntilTheyAreRepaired() throws IOException {
        byte[] shipped = real("umputun-remark42--disqus.xml");
        admin().contentType("application/xml").body(shipped).post("/api/admin/imports?format=disqus").then()
                .statusCode(400).body("type", equalTo("/problems/malformed-xml")).body("line", equalTo(1))
                .body("detail", containsString("line 1"));

        String text = new String(shipped, StandardCharsets.UTF_8);
        byte[] withoutBacktick = text.substring(1).getBytes(StandardCharsets.UTF_8);
        JsonPath broken = ImportTest.importFile("format=disqus", withoutBacktick);
        assertEquals("FAILED", broken.getString("status"), broken.prettify());
        int line = (int) text.substring(1, text.indexOf("dsq:id=247937687/>")).lines().count();
        assertEquals(line, broken.getInt("error.line"), "the unquoted attribute: " + broken.prettify());
        assertEquals(0, broken.getInt("articles.created"), "nothing of a malformed file is half-imported");
        assertEquals(0, broken.getInt("comments.created"));
        assertEquals(0, all("podcast-229").size());

        byte[] repaired = text.substring(1).replace("dsq:id=247937687/>", "dsq:id=\"247937687\"/>")
                .getBytes(StandardCharsets.UTF_8);
        JsonPath job = ImportTest.importFile("format=disqus", repaired);
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("articles.created"));
        assertEquals(4, job.getInt("comments.created"), "what Remark42's importer keeps after its own repairs");
        assertEquals(2, job.getInt("comments.failed"), "a post without dsq:id, one with a date that is none");
        assertTrue(job.getList("warnings.reason", String.class).stream()
                .anyMatch(reason -> reason.contains("isSpam is '123'")), job.prettify());
        List<JsonPath> podcast = all("podcast-229");
        assertEquals(3, podcast.size());
        assertEquals(1, count(podcast, "SPAM"));
        JsonPath export = admin().queryParam("articleId", "podcast-229").get("/api/admin/export").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("Радио-Т: Радио-Т 229", export.getString("articles[0].title"));
        assertEquals(false, export.getBoolean("articles[0].commentsOpen"), "isClosed");

        String deletedThread = new String(real("umputun-remark42--disqus-deleted-thread.xml"), StandardCharsets.UTF_8)
                .substring(1).replace("dsq:id=247937687/>", "dsq:id=\"247937687\"/>");
        JsonPath other = ImportTest.importFile("format=disqus", deletedThread.getBytes(StandardCharsets.UTF_8));
        assertEquals("DONE", other.getString("status"), other.prettify());
        assertEquals(2, other.getInt("articles.skipped"), "the deleted thread, and the other one imported above: "
                + other.prettify());
        assertEquals(5, other.getInt("comments.skipped"), "its four posts, and the other one imported above");
        assertEquals(0, other.getInt("comments.created"));
        assertEquals(1, other.getInt("comments.failed"), "the post without dsq:id");
    }

    @Test
    void shouldImportWordPresssThemeTestDataWithItsHttpsNamespace() throws IOException {
        JsonPath job = ImportTest.importFile("format=wxr", real("wordpress-importer--theme-unit-test-data.xml"));

        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(29, job.getInt("comments.created"), "29 comments: " + job.prettify());
        assertEquals(4, job.getInt("pingsSkipped"), "2 pingbacks, 2 trackbacks");
        assertEquals(0, job.getInt("comments.failed"));
        assertEquals(79, job.getInt("articles.created") + job.getInt("articles.skipped"));
        assertEquals(1, job.getInt("articles.idFallbacks"), "one page without a slug, named by its post id");
        List<JsonPath> withComments = new ArrayList<>();
        for (String slug : List.of("template-comments", "page-with-comments", "blog", "theme-block-category",
                "template-pingbacks-an-trackbacks", "template-password-protected", "edge-case-no-content")) {
            withComments.addAll(all(slug));
        }
        assertEquals(29, withComments.size(), "the 7 items with comments hold all 29");
        assertEquals(20, all("template-comments").size());
        assertEquals(10, withComments.stream().filter(c -> c.get("parentId") != null).count(), "10 replies");
        assertEquals(3, count(withComments, "PENDING"), "3 held");
        assertEquals(26, count(withComments, "APPROVED"));
    }

    @Test
    void shouldImportWordPressExportsOfTheFirstVersionsAndRefuseTheMalformedOneWhole() throws IOException {
        JsonPath first = ImportTest.importFile("format=wxr", real("wordpress-importer--valid-wxr-1.0.xml"));
        assertEquals("DONE", first.getString("status"), first.prettify());
        assertEquals(1, first.getInt("comments.created"), "the 1.0 namespace: " + first.prettify());
        JsonPath second = ImportTest.importFile("format=wxr", real("wordpress-importer--valid-wxr-1.1.xml"));
        assertEquals(1, second.getInt("comments.created"), "the 1.1 namespace: " + second.prettify());
        JsonPath hello = all("hello-world").get(0);
        assertEquals("Mr WordPress", hello.getString("authorName"));
        assertNull(hello.get("ip"), "an empty comment_author_IP stays missing");

        JsonPath malformed = ImportTest.importFile("format=wxr", real("wordpress-importer--malformed.xml"));
        assertEquals("FAILED", malformed.getString("status"), malformed.prettify());
        assertEquals(90, malformed.getInt("error.line"));
        assertEquals(0, malformed.getInt("articles.created"), "nothing of it is stored");
    }
}
