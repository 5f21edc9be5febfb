package news.comments.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import news.comments.TestApi;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.ADMIN;
import static news.comments.TestApi.ADMIN_PASSWORD;
import static news.comments.TestApi.admin;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.reader;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports of a WordPress export and a Disqus export written as those systems write them (namespaces, CDATA,
 * threads, every status, a pingback), checked comment by comment; importing again creates nothing; malformed files
 * get problems with line and column, and one bad element does not stop the rest.
 */
@QuarkusTest
class ImportTest {

    @Inject
    ImportService imports;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Posts a file and waits until its import has ended; answers the finished job. */
    static JsonPath importFile(String query, byte[] file) {
        JsonPath started = RestAssured.given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD)
                .contentType("application/xml").body(file).post("/api/admin/imports?" + query)
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/admin/imports/"))
                .extract().jsonPath();
        return awaitJob(started.getLong("id"));
    }

    static JsonPath awaitJob(long id) {
        return org.awaitility.Awaitility.await("import " + id).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> admin().get("/api/admin/imports/{id}", id).then().statusCode(200).extract().jsonPath(),
                        job -> job.getString("status").equals("DONE") || job.getString("status").equals("FAILED"));
    }

    /** Every comment of an article in every status, by author name, as moderators see them (with history). */
    static Map<String, JsonPath> comments(String articleId) {
        return comments(articleId, "authorName");
    }

    /** Every comment of an article in every status, by the value of {@code field}, as moderators see them. */
    static Map<String, JsonPath> comments(String articleId, String field) {
        Map<String, JsonPath> byField = new HashMap<>();
        for (String status : List.of("PENDING", "APPROVED", "REJECTED", "SPAM", "UNVERIFIED", "DELETED")) {
            List<Integer> ids = moderator().queryParam("status", status).queryParam("articleId", articleId)
                    .queryParam("limit", 200).get("/api/moderation/queue").then().statusCode(200)
                    .extract().jsonPath().getList("comments.id");
            for (Integer id : ids) {
                JsonPath detail = moderator().get("/api/moderation/comments/{id}", id).then().statusCode(200)
                        .extract().jsonPath();
                byField.put(detail.getString(field), detail);
            }
        }
        return byField;
    }

    @Test
    void shouldImportAWordPressExportCommentByCommentAndNothingTheSecondTime() throws IOException {
        byte[] file = resource("wordpress.xml");
        JsonPath job = importFile("format=wxr", file);

        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals("wxr", job.getString("format"));
        assertEquals("slug", job.getString("articleIdFrom"));
        assertEquals(file.length, job.getLong("bytesTotal"));
        assertEquals(file.length, job.getLong("bytesRead"));
        assertEquals(2, job.getInt("articles.created"), "the post and the page, not the attachment");
        assertEquals(6, job.getInt("comments.created"));
        assertEquals(0, job.getInt("comments.failed"));
        assertEquals(2, job.getInt("pingsSkipped"), "a pingback and a trackback");
        assertArticle("bridge-to-close", "Bridge to close for repairs & resurfacing",
                "https://gazette.example/2023/11/bridge-to-close/", true);
        assertArticle("contact", "Contact us", "https://gazette.example/contact/", false);

        admin().get("/api/admin/articles?limit=500").then().statusCode(200);
        Map<String, JsonPath> comments = comments("bridge-to-close");
        assertEquals(6, comments.size(), comments.keySet().toString());

        JsonPath martha = comments.get("Martha Jones");
        assertEquals("APPROVED", martha.getString("status"));
        assertEquals("martha@example.org", martha.getString("authorEmail"));
        assertEquals("https://martha.example/", martha.getString("authorUrl"));
        assertEquals("198.51.100.23", martha.getString("ip"));
        assertEquals("2023-11-02T09:15:00Z", martha.getString("createdAt"));
        assertNull(martha.get("parentId"));
        assertEquals("Finally! The potholes were terrible.\n\nHow long will it take? See the council's page "
                + "(https://council.example/roadworks) & the map.", martha.getString("body"));
        assertEquals("<p>Finally! The potholes were terrible.</p><p>How long will it take? See the council's page "
                + "(<a href=\"https://council.example/roadworks\" rel=\"nofollow ugc\">"
                + "https://council.example/roadworks</a>) &amp; the map.</p>", martha.getString("bodyHtml"));
        assertFalse(martha.getString("bodyHtml").contains("strong"));
        assertEquals("import", martha.getString("history[0].actor"));
        assertEquals("APPROVED", martha.getString("history[0].to"));

        JsonPath editor = comments.get("The Editor");
        assertEquals("APPROVED", editor.getString("status"));
        assertEquals(martha.getLong("id"), editor.getLong("parentId"));
        assertEquals("Six weeks, says the council.\n\nWe will keep you posted.", editor.getString("body"));

        JsonPath rory = comments.get("Rory");
        assertEquals("PENDING", rory.getString("status"));
        assertEquals(editor.getLong("id"), rory.getLong("parentId"));
        assertEquals("2001:db8::17", rory.getString("ip"));
        assertEquals("Thanks.\nWill the footpath stay open?", rory.getString("body"));
        assertEquals("<p>Thanks.<br>Will the footpath stay open?</p>", rory.getString("bodyHtml"));

        assertEquals("SPAM", comments.get("cheap watches").getString("status"));
        assertEquals("Great post! Best watches (http://spam.example/watches)",
                comments.get("cheap watches").getString("body"));
        assertEquals("REJECTED", comments.get("Angry Reader").getString("status"));
        JsonPath orphan = comments.get("Donna");
        assertEquals("APPROVED", orphan.getString("status"));
        assertNull(orphan.get("parentId"), "a reply whose parent is missing becomes top level");

        JsonPath thread = reader().get("/api/articles/bridge-to-close/comments").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(3, thread.getInt("total"));
        assertEquals(List.of("Martha Jones", "The Editor", "Donna"), thread.getList("comments.authorName"));
        admin().get("/api/admin/articles?limit=500").then().statusCode(200);

        JsonPath again = importFile("format=wxr", file);
        assertEquals("DONE", again.getString("status"));
        assertEquals(0, again.getInt("articles.created"));
        assertEquals(2, again.getInt("articles.skipped"));
        assertEquals(0, again.getInt("comments.created"));
        assertEquals(6, again.getInt("comments.skipped"));
        assertEquals(6, comments("bridge-to-close").size());
    }

    @Test
    void shouldImportADisqusExportCommentByComment() throws IOException {
        JsonPath job = importFile("format=disqus", resource("disqus.xml"));

        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(3, job.getInt("articles.created"), "two threads, and one made for a post whose thread is missing");
        assertEquals(1, job.getInt("articles.missingThreads"));
        assertEquals(1, job.getInt("articles.skipped"), "the deleted thread");
        assertEquals(6, job.getInt("comments.created"));
        assertEquals(1, job.getInt("comments.skipped"), "the post of the deleted thread");
        assertEquals(0, job.getInt("comments.failed"));
        assertArticle("budget-2024", "Council budget: what changes in 2024",
                "https://gazette.example/2024/03/budget-2024/", true);
        assertArticle("flood-warning", "Flood warning for the lower valley & the ford",
                "https://gazette.example/2024/03/flood-warning/", false);
        assertEquals(0, export("removed-story").getList("articles").size(), "a deleted thread is not imported");
        assertEquals("5100000006", job.getString("warnings[0].sourceId"));
        assertEquals("post", job.getString("warnings[0].element"));
        assertTrue(job.getString("warnings[0].reason").contains("is not in the file"), job.prettify());
        assertTrue(job.getInt("warnings[0].line") > 100, job.prettify());

        Map<String, JsonPath> budget = comments("budget-2024");
        assertEquals(3, budget.size(), budget.keySet().toString());
        JsonPath rory = budget.get("Rory W.");
        assertEquals("APPROVED", rory.getString("status"));
        assertEquals("rory.w@example.net", rory.getString("authorEmail"));
        assertEquals("203.0.113.80", rory.getString("ip"));
        assertEquals("2024-03-01T09:01:10Z", rory.getString("createdAt"));
        assertEquals("Parking was free until 2019, see https://gazette.example/2019/parking/",
                rory.getString("body"));
        assertEquals("SPAM", budget.get("Followers").getString("status"));
        JsonPath deleted = moderator().queryParam("status", "DELETED").queryParam("articleId", "budget-2024")
                .get("/api/moderation/queue").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("I take that back."), deleted.getList("comments.body"));
        assertEquals(rory.getLong("id"), deleted.getLong("comments[0].parentId"));
        JsonPath amy = moderator().get("/api/moderation/comments/{id}", rory.getLong("parentId")).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("Amy Pond", amy.getString("authorName"));
        assertEquals("Good to see the library keeps its hours.\n\nLess good: parking fees up again.",
                amy.getString("body"));

        Map<String, JsonPath> flood = comments("flood-warning");
        JsonPath guest = flood.get("Guest");
        assertEquals("APPROVED", guest.getString("status"));
        // a guest's post has no address: the moderators' view shows none
        String guestEmail = guest.getString("authorEmail");
        assertTrue(guestEmail == null || guestEmail.isEmpty(), "no address for a guest: " + guestEmail);
        assertNull(guest.get("parentId"));
        assertEquals("Sandbags are at the fire station & the school.", guest.getString("body"));

        JsonPath again = importFile("format=disqus", resource("disqus.xml"));
        assertEquals(0, again.getInt("comments.created"));
        assertEquals(7, again.getInt("comments.skipped"));
        assertEquals(4, again.getInt("articles.skipped"));
    }

    private static JsonPath export(String articleId) {
        return admin().queryParam("articleId", articleId).get("/api/admin/export").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The imported article as the export shows it: its title, URL and whether comments are open. */
    private static void assertArticle(String articleId, String title, String url, boolean open) {
        JsonPath article = export(articleId);
        assertEquals(List.of(articleId), article.getList("articles.id"));
        assertEquals(title, article.getString("articles[0].title"), articleId);
        assertEquals(url, article.getString("articles[0].url"), articleId);
        assertEquals(open, article.getBoolean("articles[0].commentsOpen"), articleId);
    }

    @Test
    void shouldTakeArticleIdsFromPostIdsOrAddressesAndCountItemsWithoutOne() {
        String site = "ids-" + System.nanoTime() + ".example";
        JsonPath byUrl = importFile("format=wxr&articleIdFrom=url", twoPosts(site, 1));
        assertEquals("DONE", byUrl.getString("status"), byUrl.prettify());
        assertEquals(1, byUrl.getInt("articles.created"));
        assertEquals(1, byUrl.getInt("articles.failed"), "the item without a link has no address to be named by");
        assertEquals(1, byUrl.getInt("comments.created"));
        assertEquals(1, byUrl.getInt("comments.failed"), "the comment of that item");
        assertEquals(2, byUrl.getList("failures").size(), byUrl.prettify());
        assertEquals("item", byUrl.getString("failures[0].element"));
        assertArticle(site + "-2024-05-first-story", "First & foremost", "https://" + site + "/2024/05/first-story/",
                true);

        String other = "ids-" + System.nanoTime() + ".example";
        long postId = System.nanoTime() % 1_000_000_000L;
        JsonPath byId = importFile("format=wxr&articleIdFrom=id", twoPosts(other, postId));
        assertEquals("DONE", byId.getString("status"), byId.prettify());
        assertEquals(2, byId.getInt("articles.created"));
        assertEquals(0, byId.getInt("articles.failed"));
        assertEquals(2, byId.getInt("comments.created"));
        assertArticle(Long.toString(postId), "First & foremost", "https://" + other + "/2024/05/first-story/", true);
        assertArticle(Long.toString(postId + 1), "No address", null, true);
        assertEquals(1, comments(Long.toString(postId + 1)).size());
    }

    /** A WordPress export of two posts with a comment each; the second post has no link. */
    private static byte[] twoPosts(String site, long firstPostId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><wp:base_site_url>https://%1$s</wp:base_site_url>
                <item><title><![CDATA[First &amp; foremost]]></title><link>https://%1$s/2024/05/first-story/</link>
                <wp:post_id>%2$d</wp:post_id><wp:post_name>first-story</wp:post_name><wp:post_type>post</wp:post_type>
                <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>One</wp:comment_author>
                <wp:comment_date_gmt>2024-05-01 10:00:00</wp:comment_date_gmt>
                <wp:comment_content>On the first</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
                </wp:comment></item>
                <item><title>No address</title><wp:post_id>%3$d</wp:post_id><wp:post_name>no-address</wp:post_name>
                <wp:post_type>post</wp:post_type>
                <wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Two</wp:comment_author>
                <wp:comment_date_gmt>2024-05-01 11:00:00</wp:comment_date_gmt>
                <wp:comment_content>On the second</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
                </wp:comment></item></channel></rss>
                """.formatted(site, firstPostId, firstPostId + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void shouldFailJobsWhoseInstanceStoppedAndLeaveThoseOfALiveOne() {
        Instant now = clock.instant();
        long running = job("RUNNING", now.minus(Duration.ofMinutes(10)));
        long queued = job("QUEUED", now.minus(Duration.ofMinutes(3)));
        long alive = job("RUNNING", now.minusSeconds(20));

        imports.failOrphans();

        for (long orphan : new long[]{running, queued}) {
            JsonPath job = admin().get("/api/admin/imports/{id}", orphan).then().statusCode(200).extract().jsonPath();
            assertEquals("FAILED", job.getString("status"), job.prettify());
            assertEquals("interrupted by a restart; import the file again (already imported comments are skipped)",
                    job.getString("error.detail"));
            assertTrue(job.getString("finishedAt") != null, job.prettify());
        }
        admin().get("/api/admin/imports/{id}", alive).then().statusCode(200).body("status", equalTo("RUNNING"));
    }

    /** A job row as an instance leaves it that last touched it at {@code heartbeat}. */
    private long job(String status, Instant heartbeat) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("insert into import_job (format, status, article_id_from, train, "
                            + "bytes_total, bytes_read, articles_created, articles_skipped, comments_created, "
                            + "comments_skipped, comments_failed, pings_skipped, created_at, started_at, heartbeat_at) "
                            + "values ('wxr', ?1, 'slug', false, 1000, 10, 0, 0, 0, 0, 0, 0, ?2, ?2, ?2)")
                    .setParameter(1, status).setParameter(2, heartbeat).executeUpdate();
            return ((Number) entityManager.createNativeQuery("select max(id) from import_job").getSingleResult())
                    .longValue();
        });
    }

    @Test
    void shouldRefuseAFileThatIsNotXmlOrNotOfItsFormatWithLineAndColumn() throws IOException {
        admin().contentType("application/xml").body("this is not xml").post("/api/admin/imports?format=wxr")
                .then().statusCode(400).body("type", equalTo("/problems/malformed-xml"))
                .body("line", equalTo(1)).body("column", org.hamcrest.Matchers.notNullValue());
        admin().contentType("application/xml").body(resource("disqus.xml")).post("/api/admin/imports?format=wxr")
                .then().statusCode(400).body("type", equalTo("/problems/malformed-xml"))
                .body("detail", org.hamcrest.Matchers.containsString("<disqus>")).body("line", equalTo(2));
        admin().contentType("application/xml").body("<rss/>").post("/api/admin/imports?format=csv")
                .then().statusCode(400).body("violations[0].field", equalTo("format"));
        admin().contentType("application/xml").body("<rss/>")
                .post("/api/admin/imports?format=wxr&articleIdFrom=title")
                .then().statusCode(400).body("violations[0].field", equalTo("articleIdFrom"));
        moderator().contentType("application/xml").body("<rss/>").post("/api/admin/imports?format=wxr")
                .then().statusCode(403);
        admin().get("/api/admin/imports/{id}", 987654321).then().statusCode(404);
    }

    @Test
    void shouldLetOnlyTheImportPastTheBodyLimit() throws Exception {
        byte[] big = ("<rss><channel>" + "<!-- padding -->".repeat(10_000) + "</channel></rss>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(big.length > 65536);
        assertEquals("DONE", importFile("format=wxr", big).getString("status"));
        reader().body(big).post("/api/articles/any/comments").then().statusCode(413)
                .body("type", equalTo("/problems/payload-too-large"));
        // a body of unknown length elsewhere could not be checked before it is read
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port
                                + "/api/articles/any/comments")).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream("{}".getBytes()))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(411, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("/problems/length-required"), chunked.body());
    }

    @Test
    void shouldStoreNothingOfAFileMalformedHalfWayAndSayWhere() {
        String file = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><wp:base_site_url>https://broken.example</wp:base_site_url>
                <item><title>Broken</title><link>https://broken.example/broken-file/</link>
                <wp:post_id>1</wp:post_id><wp:post_name>broken-file-article</wp:post_name>
                <wp:post_type>post</wp:post_type>
                <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Kept</wp:comment_author>
                <wp:comment_date_gmt>2020-01-01 10:00:00</wp:comment_date_gmt>
                <wp:comment_content>Before the break</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
                </wp:comment>
                <wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Bad status</wp:comment_author>
                <wp:comment_date_gmt>2020-01-01 11:00:00</wp:comment_date_gmt>
                <wp:comment_content>Odd</wp:comment_content><wp:comment_approved>maybe</wp:comment_approved>
                </wp:comment>
                <wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_author>Also kept</wp:comment_author>
                <wp:comment_date_gmt>2020-01-01 12:00:00</wp:comment_date_gmt>
                <wp:comment_content>Still fine</wp:comment_content><wp:comment_approved>0</wp:comment_approved>
                </wp:comment>
                <wp:comment><wp:comment_id>4</wp:comment_id>
                <wp:comment_content>unclosed & broken</wp:comment_content>
                </item></channel></rss>
                """;
        JsonPath job = importFile("format=wxr", file.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertEquals("FAILED", job.getString("status"));
        assertEquals(0, job.getInt("comments.created"), "the whole file is read before anything is stored");
        assertEquals(0, job.getInt("articles.created"));
        assertEquals(20, job.getInt("error.line"), job.prettify());
        assertTrue(job.getString("error.detail").contains("line 20"), job.getString("error.detail"));
        assertEquals(0, comments("broken-file-article").size());

        JsonPath repaired = importFile("format=wxr", file.replace("<wp:comment><wp:comment_id>4</wp:comment_id>\n"
                + "<wp:comment_content>unclosed & broken</wp:comment_content>\n", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("DONE", repaired.getString("status"), repaired.prettify());
        assertEquals(2, repaired.getInt("comments.created"));
        assertEquals(1, repaired.getInt("comments.failed"));
        assertEquals(11, repaired.getInt("failures[0].line"));
        assertTrue(repaired.getString("failures[0].reason").contains("maybe"));
    }

    @Test
    void shouldTrainTheLearnedFilterWithTheFilesDecisionsOnlyWhenAsked() {
        admin().delete("/api/admin/filter").then().statusCode(204);

        JsonPath untrained = importFile("format=wxr&train=false", decidedComments("not-learned-" + System.nanoTime()));
        assertEquals(7, untrained.getInt("comments.created"), untrained.prettify());
        assertFalse(untrained.getBoolean("train"));
        assertEquals(List.of(0, 0), learned(), "an import without train=true teaches nothing");

        String slug = "learned-" + System.nanoTime();
        JsonPath trained = importFile("format=wxr&train=true", decidedComments(slug));
        assertEquals("DONE", trained.getString("status"), trained.prettify());
        assertTrue(trained.getBoolean("train"));
        assertEquals(List.of(3, 2), learned(), "approved is ham, spam is spam; trash and held ones teach nothing");

        Map<String, JsonPath> comments = comments(slug);
        assertEquals("import", comments.get("Reader 1").getString("moderatedBy"),
                "the old site's decision counts as a moderator's, so a retrain keeps it");
        assertEquals("import", comments.get("Spammer 1").getString("moderatedBy"));
        assertNull(comments.get("Waiting").get("moderatedBy"), "a held comment was decided by nobody");
        assertEquals(3, reader().get("/api/articles/{id}/comments", slug).then().statusCode(200)
                .extract().jsonPath().getInt("total"), "training publishes nothing that was not approved");
    }

    private static List<Integer> learned() {
        TestApi.awaitFilterLearned();
        JsonPath status = admin().get("/api/admin/filter").then().statusCode(200).extract().jsonPath();
        return List.of(status.getInt("hamLearned"), status.getInt("spamLearned"));
    }

    /** A WordPress export of one post with three approved comments, two spam, one in the trash and one held. */
    private static byte[] decidedComments(String slug) {
        StringBuilder comments = new StringBuilder();
        String[][] rows = {
                {"Reader 1", "1", "The council should publish the roadworks schedule."},
                {"Reader 2", "1", "Our street was closed for three weeks last spring."},
                {"Reader 3", "1", "Good reporting, thank you."},
                {"Spammer 1", "spam", "Cheap pills at http://pills.example/buy now"},
                {"Spammer 2", "spam", "Best replica watches http://watches.example"},
                {"Troll", "trash", "You are all idiots."},
                {"Waiting", "0", "Is the footpath open?"}};
        for (int i = 0; i < rows.length; i++) {
            comments.append("""
                    <wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author><![CDATA[%s]]></wp:comment_author>
                    <wp:comment_author_email>person%d@example.org</wp:comment_author_email>
                    <wp:comment_date_gmt>2024-05-01 10:0%d:00</wp:comment_date_gmt>
                    <wp:comment_content><![CDATA[%s]]></wp:comment_content>
                    <wp:comment_approved>%s</wp:comment_approved></wp:comment>
                    """.formatted(i + 1, rows[i][0], i, i, rows[i][2], rows[i][1]));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><wp:base_site_url>https://%1$s.example</wp:base_site_url>
                <item><title>Roadworks</title><link>https://%1$s.example/roadworks/</link>
                <wp:post_id>1</wp:post_id><wp:post_name>%1$s</wp:post_name><wp:post_type>post</wp:post_type>
                %2$s</item></channel></rss>
                """.formatted(slug, comments).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
