package news.comments.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.comments.TestMail;
import news.comments.infra.DatabaseKind;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.article;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.randomIp;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export read back through the import: "a service started empty and fed this export holds the same".
 * <p>
 * How "empty" is made: this class runs in a profile of its own whose database is a fresh in-memory H2
 * ({@code jdbc:h2:mem:comments-roundtrip}), shared with no other test class (on PostgreSQL, {@code -Ppostgres}, the
 * one test database, emptied the same way). A second service process would be the
 * purest empty service, but costs a second Quarkus start per run; two test classes handing a file over would depend
 * on their order. So the JSON test empties this service's database ({@link EmptyDatabase}: every table but the schema
 * history, accounts, settings, server secrets and the learned filter's model row, which is what a just-started
 * service holds), proves it empty (the export holds nothing), imports the file, and compares a new export with the
 * first field by field, ids aside, and every comment's moderation view (its rendered HTML included). Nothing read for
 * the comparison comes from a cache. The data covers every status, a reply thread, an edited comment, a comment
 * erased in delete mode (no text, no IP), author URLs, decisions with reasons, articles' titles, URLs, modes and
 * closed comments. Verification is required here ({@code comments.mail.require-verification}) so that a comment can
 * wait as UNVERIFIED, and erasure deletes ({@code comments.privacy.erase-mode=delete}).
 */
@QuarkusTest
@TestProfile(ExportRoundTripTest.FreshDatabase.class)
class ExportRoundTripTest {

    public static class FreshDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:comments-roundtrip;DB_CLOSE_DELAY=-1",
                    "comments.mail.require-verification", "true",
                    "comments.privacy.erase-mode", "delete");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** What differs by design between a comment and its restored copy: its ids here, and that it was imported. */
    private static final Set<String> NOT_COMPARED = Set.of("id", "parentId", "source", "sourceId");

    @Inject
    EntityManager entityManager;

    @Inject
    DatabaseKind database;

    @ConfigProperty(name = "comments.public-url")
    String publicUrl;

    @Test
    void shouldRestoreEverythingIntoAnEmptyServiceFromTheJsonExport() throws Exception {
        EmptyDatabase.empty(entityManager, database.isPostgres());
        String seeded = admin().get("/api/admin/settings").then().statusCode(200).extract().asString();
        String closed = createEverything();
        String export = admin().get("/api/admin/export").then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        JsonNode before = MAPPER.readTree(export);
        assertEquals(Set.of("PENDING", "APPROVED", "REJECTED", "SPAM", "DELETED", "UNVERIFIED"),
                statuses(before), "the data covers every status");
        for (String part : List.of("bans", "commenters", "confirmedComments", "reports", "settings")) {
            assertTrue(before.get(part).size() > 0, "the data covers " + part + ": " + before.get(part));
        }
        Map<String, JsonNode> viewsBefore = moderationViews(before);

        emptyAsJustStarted(seeded);
        JsonNode empty = MAPPER.readTree(admin().get("/api/admin/export").asString());
        assertEquals(0, empty.get("articles").size(), "the service is empty");
        assertEquals(0, empty.get("comments").size(), "the service is empty");
        assertEquals(0, empty.get("bans").size(), "the service is empty");

        JsonPath job = ImportTest.importFile("format=json", export.getBytes(StandardCharsets.UTF_8));
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(before.get("comments").size(), job.getInt("comments.created"), job.prettify());
        assertEquals(0, job.getInt("comments.failed"), job.prettify());
        assertEquals(before.get("articles").size(), job.getInt("articles.created"));
        assertEquals(before.get("reports").size(), job.getInt("parts.reports.created"), job.prettify());
        assertEquals(1, job.getInt("parts.settings.created"), job.prettify());

        String exportAgain = admin().get("/api/admin/export").asString();
        JsonNode after = MAPPER.readTree(exportAgain);
        assertEquals(withoutDocumentedFields(before), withoutDocumentedFields(after),
                "the two exports are equal apart from exportedAt and the comments' ids here");
        assertEquals(viewsBefore, moderationViews(after));
        reader().body(validComment()).post("/api/articles/{a}/comments", closed).then().statusCode(403)
                .body("type", equalTo("/problems/comments-closed"));

        JsonPath again = ImportTest.importFile("format=json", export.getBytes(StandardCharsets.UTF_8));
        assertEquals(0, again.getInt("comments.created"));
        assertEquals(before.get("comments").size(), again.getInt("comments.skipped"));
        assertEquals(0, again.getInt("parts.reports.created"), "reports are not doubled");
        assertEquals(0, again.getInt("parts.bans.created"));

        String origin = before.get("origin").asText();
        JsonPath other = ImportTest.importFile("format=json", export.replace("\"id:" + origin + ":",
                "\"id:0123456789abcdef:").getBytes(StandardCharsets.UTF_8));
        assertEquals(before.get("comments").size(), other.getInt("comments.created"),
                "another service's comments with the same ids here collide with none: " + other.prettify());
    }

    /**
     * Empties the database to what a just-started service holds: {@link EmptyDatabase}, and the settings as the
     * configuration seeded them ({@code seeded}, read before the test changed them), saved by nobody.
     */
    private void emptyAsJustStarted(String seeded) {
        EmptyDatabase.empty(entityManager, database.isPostgres());
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update settings set document = ?1, updated_by = 'configuration'").setParameter(1, seeded)
                .executeUpdate());
    }

    /** The export without what differs by design: when it was made, and the comments' ids in this database. */
    private static JsonNode withoutDocumentedFields(JsonNode export) {
        ObjectNode copy = export.deepCopy();
        copy.remove("exportedAt");
        for (JsonNode comment : copy.get("comments")) {
            ((ObjectNode) comment).remove(NOT_COMPARED);
        }
        return copy;
    }

    /** Every kind of comment and article; answers the id of the article whose comments are closed. */
    private static String createEverything() {
        String articleId = newArticleId();
        admin().body(Map.of("title", "Fish & chips: the price", "url", "https://news.example/fish-chips",
                        "moderation", "PRE", "commentsOpen", true))
                .put("/api/admin/articles/{a}", articleId).then().statusCode(201);
        String ada = "ada-" + System.nanoTime() + "@example.org";
        String key = TestMail.verify(ada, articleId);

        decidedThread(articleId, ada, key);
        Map<String, Object> asking = comment(ada, key, "Tell me about replies", null);
        asking.put("notifyReplies", true);
        asking.put("notifyPublished", true);
        long askingId = reader().header("X-Forwarded-For", randomIp()).body(asking)
                .post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        decide(askingId, "approve", null);
        reader().header("X-Forwarded-For", randomIp()).body(Map.of("reason", "off-topic", "note", "Not about fish"))
                .post("/api/comments/{id}/reports", askingId).then().statusCode(202);
        String troll = "troll-" + System.nanoTime() + "@example.org";
        long trolling = post(articleId, troll, null, "You are all wrong", null);
        moderator().body(Map.of("reason", "insults", "banIp", true)).post("/api/moderation/comments/{id}/ban",
                trolling).then().statusCode(201);
        io.restassured.path.json.JsonPath settings = admin().get("/api/admin/settings").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> changed = new HashMap<>(settings.getMap("$"));
        changed.put("closeAfterDays", 90);
        changed.put("holdWords", List.of("casino"));
        admin().body(changed).put("/api/admin/settings").then().statusCode(200);

        Map<String, Object> edited = comment(ada, key, "Before the edit", null);
        JsonPath posted = reader().header("X-Forwarded-For", randomIp()).body(edited)
                .post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath();
        reader().header("Comment-Token", posted.getString("editToken"))
                .body(Map.of("body", "After the edit: the right figure")).patch("/api/comments/{id}",
                        posted.getLong("id")).then().statusCode(200);
        JsonPath taken = reader().header("X-Forwarded-For", randomIp()).body(comment(ada, key, "Taken back", null))
                .post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath();
        reader().header("Comment-Token", taken.getString("editToken")).delete("/api/comments/{id}",
                taken.getLong("id")).then().statusCode(204);

        post(articleId, "unverified-" + System.nanoTime() + "@example.org", null, "Waiting for my address", null);
        String erased = "erased-" + System.nanoTime() + "@example.org";
        post(articleId, erased, null, "Please forget me", null);
        admin().body(Map.of("email", erased)).post("/api/admin/commenters/erase").then().statusCode(200);

        String closed = newArticleId();
        admin().body(Map.of("title", "Live: the count", "url", "https://news.example/count", "moderation", "POST"))
                .put("/api/admin/articles/{a}", closed).then().statusCode(201);
        post(closed, ada, key, "Published at once", null);
        admin().body(Map.of("title", "Live: the count", "url", "https://news.example/count", "moderation", "POST",
                "commentsOpen", false)).put("/api/admin/articles/{a}", closed).then().statusCode(200);
        return closed;
    }

    /**
     * A thread by a verified author: approved with markup-like text and two paragraphs, an approved reply over two
     * lines, a reply to it still waiting, a comment rejected with a reason, one marked spam.
     */
    private static void decidedThread(String articleId, String author, String key) {
        long first = post(articleId, author, key, "First, with a < b & <b>no markup</b>\n\nand a second paragraph",
                null);
        decide(first, "approve", null);
        long reply = post(articleId, author, key, "A reply\nover two lines", first);
        decide(reply, "approve", null);
        post(articleId, author, key, "A reply to the reply, still waiting", reply);
        decide(post(articleId, author, key, "Rejected one", null), "reject", "off topic");
        decide(post(articleId, author, key, "Spam one", null), "spam", null);
    }

    private static Map<String, Object> comment(String email, String key, String body, Long parent) {
        Map<String, Object> comment = validComment();
        comment.put("authorEmail", email);
        comment.put("authorUrl", "https://" + email.substring(0, email.indexOf('@')) + ".example/");
        comment.put("body", body);
        if (key != null) {
            comment.put("commenterKey", key);
        }
        if (parent != null) {
            comment.put("parentId", parent);
        }
        return comment;
    }

    private static long post(String articleId, String email, String key, String body, Long parent) {
        return reader().header("X-Forwarded-For", randomIp()).body(comment(email, key, body, parent))
                .post("/api/articles/{a}/comments", articleId).then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static void decide(long id, String action, String reason) {
        var request = moderator();
        if (reason != null) {
            request = request.body(Map.of("reason", reason));
        }
        request.post("/api/moderation/comments/{id}/" + action, id).then().statusCode(200);
    }

    private static Set<String> statuses(JsonNode export) {
        Set<String> statuses = new TreeSet<>();
        export.get("comments").forEach(c -> statuses.add(c.get("status").asText()));
        return statuses;
    }

    /** The export's comments by sourceKey, without what differs by design. */
    private static Map<String, JsonNode> comparable(JsonNode export) {
        Map<String, JsonNode> bySourceKey = new TreeMap<>();
        for (JsonNode comment : export.get("comments")) {
            ObjectNode copy = comment.deepCopy();
            copy.remove(NOT_COMPARED);
            bySourceKey.put(comment.get("sourceKey").asText(), copy);
        }
        return bySourceKey;
    }

    /** Every comment's moderation view by sourceKey, without its ids and version here and its avatar key. */
    private static Map<String, JsonNode> moderationViews(JsonNode export) throws Exception {
        Map<String, JsonNode> views = new HashMap<>();
        for (JsonNode comment : export.get("comments")) {
            ObjectNode view = (ObjectNode) MAPPER.readTree(moderator().get("/api/moderation/comments/{id}",
                    comment.get("id").asLong()).then().statusCode(200).extract().asString());
            view.remove(List.of("id", "parentId", "version", "avatarKey"));
            views.put(comment.get("sourceKey").asText(), view);
        }
        return views;
    }

    @Test
    void shouldReadTheWxrExportBackAsTheSameThread() throws Exception {
        String articleId = article("PRE");
        String author = "wxr-" + System.nanoTime() + "@example.org";
        decidedThread(articleId, author, TestMail.verify(author, articleId));
        post(articleId, "wxr-unverified-" + System.nanoTime() + "@example.org", null, "Waiting for my address", null);
        String export = admin().queryParam("format", "wxr").queryParam("articleId", articleId)
                .get("/api/admin/export").then().statusCode(200).contentType(containsString("application/xml"))
                .extract().asString();

        assertWhatWordPressReads(export, articleId);

        String copyId = newArticleId();
        JsonPath job = ImportTest.importFile("format=wxr",
                export.replace(">" + articleId + "<", ">" + copyId + "<").getBytes(StandardCharsets.UTF_8));
        assertEquals("DONE", job.getString("status"), job.prettify());
        Map<String, JsonPath> original = ImportTest.comments(articleId, "body");
        Map<String, JsonPath> copy = ImportTest.comments(copyId, "body");
        assertEquals(7, original.size(), original.keySet().toString());
        assertEquals(original.keySet(), copy.keySet());
        for (String body : original.keySet()) {
            JsonPath before = original.get(body);
            JsonPath after = copy.get(body);
            // WXR knows no UNVERIFIED: it is held (0), read back as PENDING
            String status = before.getString("status");
            assertEquals(status.equals("UNVERIFIED") ? "PENDING" : status, after.getString("status"), body);
            // WXR writes dates to the second, as WordPress keeps them
            assertEquals(Instant.parse(before.getString("createdAt")).truncatedTo(ChronoUnit.SECONDS),
                    Instant.parse(after.getString("createdAt")), body);
            for (String field : List.of("authorName", "authorEmail", "authorUrl", "ip", "bodyHtml")) {
                assertEquals(before.getString(field), after.getString(field), field + " of " + body);
            }
            if (before.get("parentId") == null) {
                assertNull(after.get("parentId"), body);
            } else {
                assertEquals(bodyOf(original, before.getLong("parentId")), bodyOf(copy, after.getLong("parentId")),
                        body);
            }
        }
    }

    /**
     * What WordPress's importer reads besides the comments: the format's version, the site's address (the service's
     * public URL, which keeps two services' comment ids apart), and per post its guid, dates and content, and per
     * comment its local date too.
     */
    private void assertWhatWordPressReads(String export, String articleId) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document wxr = factory.newDocumentBuilder().parse(new InputSource(new StringReader(export)));
        String wp = "http://wordpress.org/export/1.2/";
        assertEquals("1.2", text(wxr, wp, "wxr_version"));
        assertEquals(publicUrl.replaceAll("/+$", ""), text(wxr, wp, "base_site_url"));
        assertEquals(articleId, text(wxr, wp, "post_name"));
        assertTrue(text(wxr, null, "guid").endsWith("?article=" + articleId), text(wxr, null, "guid"));
        assertTrue(text(wxr, wp, "post_date").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        assertEquals(text(wxr, wp, "post_date_gmt"), text(wxr, wp, "post_date"));
        assertEquals(1, wxr.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded")
                .getLength());
        NodeList comments = wxr.getElementsByTagNameNS(wp, "comment");
        assertEquals(comments.getLength(), wxr.getElementsByTagNameNS(wp, "comment_date").getLength());
        assertEquals(text(wxr, wp, "comment_date_gmt"), text(wxr, wp, "comment_date"));
    }

    private static String text(Document document, String namespace, String name) {
        NodeList found = namespace == null ? document.getElementsByTagName(name)
                : document.getElementsByTagNameNS(namespace, name);
        assertTrue(found.getLength() > 0, "no " + name);
        return found.item(0).getTextContent();
    }

    private static String bodyOf(Map<String, JsonPath> comments, long id) {
        return comments.values().stream().filter(c -> c.getLong("id") == id).findFirst()
                .map(c -> c.getString("body")).orElse(null);
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
