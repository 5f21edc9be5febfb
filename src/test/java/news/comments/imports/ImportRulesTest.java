package news.comments.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The importer's rules for what real exports get wrong or leave out, each on a small file written here in the shape
 * of the real thing: an item without a slug, a comment without a status, WordPress's editorial notes, the undeclared
 * {@code atom:} prefix of WordPress.com exports (repaired) beside what is still refused (not XML, declared entities),
 * a Disqus flag that is neither true nor false, moved addresses ({@code urlMap}) and a dry run.
 */
@QuarkusTest
class ImportRulesTest {

    private static String unique() {
        return Long.toString(System.nanoTime(), 36);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A WordPress.com-style export: a header with channel elements, one post with the given comments. */
    private static String wxr(String site, String namespace, String channelExtra, String item) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- generator="WordPress.com" created="2012-03-01 10:00"-->
                <rss version="2.0" xmlns:excerpt="%2$sexcerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:wp="%2$s">
                <channel>
                <title>Gazette</title>
                <link>https://%1$s</link>
                %3$s
                <wp:wxr_version>1.2</wp:wxr_version>
                <wp:base_site_url>https://wordpress.com/</wp:base_site_url>
                <wp:base_blog_url>https://%1$s</wp:base_blog_url>
                %4$s
                </channel>
                </rss>
                """.formatted(site, namespace, channelExtra, item);
    }

    private static String comment(int id, String author, String approved, String type, int parent) {
        return """
                <wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author><![CDATA[%s]]></wp:comment_author>
                <wp:comment_author_email>%s@example.org</wp:comment_author_email>
                <wp:comment_date_gmt>2012-03-0%d 10:00:00</wp:comment_date_gmt>
                <wp:comment_content><![CDATA[Comment by %s]]></wp:comment_content>
                %s<wp:comment_type>%s</wp:comment_type><wp:comment_parent>%d</wp:comment_parent></wp:comment>
                """.formatted(id, author, author.toLowerCase().replace(' ', '.'), id, author,
                approved == null ? "" : "<wp:comment_approved>" + approved + "</wp:comment_approved>", type, parent);
    }

    @Test
    void shouldNameAnItemWithoutSlugByItsPostIdAndHoldCommentsWithoutStatusAndSkipNotes() {
        String site = unique() + ".example";
        long postId = System.nanoTime() % 1_000_000_000L;
        String item = "<item><title>Without a slug</title><link>https://" + site + "/?p=" + postId + "</link>"
                + "<wp:post_id>" + postId + "</wp:post_id><wp:post_type>post</wp:post_type>"
                + comment(1, "Ada", "1", "comment", 0) + comment(2, "Bob", null, "", 1)
                + comment(3, "The Editor", "0", "note", 0) + comment(4, "Pinger", "1", "pingback", 0) + "</item>";
        JsonPath job = ImportTest.importFile("format=wxr", bytes(wxr(site, "https://wordpress.org/export/1.2/", "",
                item)));

        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("articles.created"));
        assertEquals(1, job.getInt("articles.idFallbacks"), "no wp:post_name: named by wp:post_id");
        assertEquals(2, job.getInt("comments.created"));
        assertEquals(1, job.getInt("comments.withoutStatus"));
        assertEquals(1, job.getInt("notesSkipped"), "an editorial note is not a reader's comment");
        assertEquals(1, job.getInt("pingsSkipped"));
        List<JsonPath> comments = RealExportsTest.all(Long.toString(postId));
        assertEquals(List.of("APPROVED", "PENDING"), comments.stream().map(c -> c.getString("status")).toList(),
                "without a status: held, never published on a guess");
        assertEquals(comments.get(0).getLong("id"), comments.get(1).getLong("parentId"));
        assertFalse(comments.stream().anyMatch(c -> c.getString("body").contains("The Editor")));
    }

    @Test
    void shouldRepairTheUndeclaredAtomPrefixOfWordPressComExportsAndSayWhere() {
        String site = unique() + ".wordpress.example";
        String slug = "slug-" + unique();
        String channel = "<description>News</description>\n<language>en</language>\n"
                + "<atom:link rel=\"search\" type=\"application/opensearchdescription+xml\" href=\"https://" + site
                + "/osd.xml\" title=\"Gazette\" />";
        String item = "<item><title>Post</title><link>https://" + site + "/" + slug + "/</link>"
                + "<wp:post_id>7</wp:post_id><wp:post_name>" + slug + "</wp:post_name><wp:post_type>post</wp:post_type>"
                + comment(1, "Ada", "1", "", 0) + comment(2, "Bob", "1", "", 1) + "</item>";
        String file = wxr(site, "http://wordpress.org/export/1.2/", channel, item);
        int atomLine = (int) file.substring(0, file.indexOf("<atom:link")).lines().count() + 1;

        JsonPath job = ImportTest.importFile("format=wxr", bytes(file));

        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("comments.created"));
        assertEquals(List.of("atom"), job.getList("recovery.prefixes"));
        assertEquals(atomLine, job.getInt("recovery.line"));
        assertTrue(job.getString("recovery.detail").contains("undeclared namespace prefix atom"), job.prettify());
        assertEquals(2, RealExportsTest.all(slug).size());
    }

    @Test
    void shouldStillRefuseWhatIsNotXmlOrDeclaresEntities() {
        String site = unique() + ".example";
        admin().contentType("application/xml").body(bytes("x" + wxr(site, "http://wordpress.org/export/1.2/", "", "")))
                .post("/api/admin/imports?format=wxr").then().statusCode(400)
                .body("type", equalTo("/problems/malformed-xml")).body("line", equalTo(1));

        String slug = "entity-" + unique();
        String withEntity = wxr(site, "http://wordpress.org/export/1.2/", "", "<item><title>&secret;</title>"
                + "<wp:post_id>1</wp:post_id><wp:post_name>" + slug + "</wp:post_name>"
                + comment(1, "Ada", "1", "", 0) + "</item>")
                .replace("<rss ", "<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>\n<rss ");
        Response answer = admin().contentType("application/xml").body(bytes(withEntity))
                .post("/api/admin/imports?format=wxr");
        if (answer.statusCode() == 400) {
            assertEquals("/problems/malformed-xml", answer.jsonPath().getString("type"));
        } else {
            assertEquals(202, answer.statusCode(), answer.asString());
            JsonPath job = ImportTest.awaitJob(answer.jsonPath().getLong("id"));
            assertEquals("FAILED", job.getString("status"), job.prettify());
            assertEquals(0, job.getInt("comments.created"));
        }
        assertEquals(0, RealExportsTest.all(slug).size(), "nothing of it is stored");
    }

    @Test
    void shouldReadADisqusFlagThatIsNeitherTrueNorFalseAsFalseAndSaySo() {
        String thread = "thread-" + unique();
        String file = """
                <?xml version="1.0" encoding="utf-8"?>
                <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
                <thread dsq:id="%1$s"><id>%1$s</id><link>https://gazette.example/%1$s/</link><title>T</title>
                <createdAt>2020-01-01T00:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>
                <post dsq:id="%1$s-1"><message><![CDATA[<p>Odd flag</p>]]></message>
                <createdAt>2020-01-02T00:00:00Z</createdAt><isDeleted>no</isDeleted><isSpam>yes</isSpam>
                <author><name>Ada</name></author><thread dsq:id="%1$s"/></post>
                </disqus>
                """.formatted(thread);
        JsonPath job = ImportTest.importFile("format=disqus", bytes(file));

        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("comments.created"));
        assertEquals(List.of("isSpam is 'yes', neither true nor false: read as false",
                "isDeleted is 'no', neither true nor false: read as false"), job.getList("warnings.reason"));
        assertEquals(5, job.getInt("warnings[0].line"), "the post's line");
        assertEquals("APPROVED", RealExportsTest.all(thread).get(0).getString("status"));
    }

    @Test
    void shouldMoveArticleAddressesAndTheIdsMadeFromThem() {
        String old = unique() + ".old.example";
        String item = "<item><title>Moved</title><link>http://" + old + "/2020/moved/</link><wp:post_id>3</wp:post_id>"
                + "<wp:post_name>moved</wp:post_name><wp:post_type>post</wp:post_type>"
                + comment(1, "Ada", "1", "", 0) + "</item>";
        String newHost = "www." + old.replace(".old.", ".new.");
        JsonPath job = ImportTest.importFile("format=wxr&articleIdFrom=url&urlFrom=http://" + old + "/&urlTo=https://"
                + newHost + "/&urlFrom=http://unused.example/&urlTo=https://unused.example/",
                bytes(wxr(old, "http://wordpress.org/export/1.2/", "", item)));

        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(List.of(Map.of("from", "http://" + old + "/", "to", "https://" + newHost + "/"),
                Map.of("from", "http://unused.example/", "to", "https://unused.example/")), job.getList("urlMap"));
        String articleId = newHost + "-2020-moved";
        JsonPath export = admin().queryParam("articleId", articleId).get("/api/admin/export").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("https://" + newHost + "/2020/moved/", export.getString("articles[0].url"));
        assertEquals(1, RealExportsTest.all(articleId).size());

        admin().contentType("application/xml").body(bytes("<rss/>"))
                .post("/api/admin/imports?format=wxr&urlFrom=http://a.example/").then().statusCode(400)
                .body("violations[0].field", equalTo("urlTo"));
        admin().contentType("application/xml").body(bytes("<rss/>"))
                .post("/api/admin/imports?format=wxr&dryRun=maybe").then().statusCode(400)
                .body("violations[0].field", equalTo("dryRun"));
    }

    @Test
    void shouldSayWhatADryRunWouldStoreAndStoreNothing() {
        String site = unique() + ".example";
        String slug = "dry-" + unique();
        String item = "<item><title>Dry</title><link>https://" + site + "/" + slug + "/</link><wp:post_id>5</wp:post_id>"
                + "<wp:post_name>" + slug + "</wp:post_name><wp:post_type>post</wp:post_type>"
                + comment(1, "Ada", "1", "", 0) + comment(2, "Bob", "maybe", "", 0) + comment(3, "Cy", "1", "", 1)
                + comment(1, "Ada", "1", "", 0) + "</item>";
        byte[] file = bytes(wxr(site, "http://wordpress.org/export/1.2/", "", item));

        JsonPath dry = ImportTest.importFile("format=wxr&dryRun=true", file);
        assertEquals("DONE", dry.getString("status"), dry.prettify());
        assertTrue(dry.getBoolean("dryRun"));
        assertEquals(List.of(1, 0, 0), List.of(dry.getInt("articles.created"), dry.getInt("articles.skipped"),
                dry.getInt("articles.failed")));
        assertEquals(List.of(2, 1, 1), List.of(dry.getInt("comments.created"), dry.getInt("comments.skipped"),
                dry.getInt("comments.failed")), "the same comment twice in the file is one");
        assertEquals(0, RealExportsTest.all(slug).size(), "a dry run stores nothing");
        assertEquals(0, admin().queryParam("articleId", slug).get("/api/admin/export").then().statusCode(200)
                .extract().jsonPath().getList("articles").size());

        JsonPath real = ImportTest.importFile("format=wxr", file);
        assertEquals(List.of(dry.getInt("comments.created"), dry.getInt("comments.skipped"),
                dry.getInt("comments.failed")), List.of(real.getInt("comments.created"),
                real.getInt("comments.skipped"), real.getInt("comments.failed")), "the import does what it said");
        assertEquals(dry.getInt("articles.created"), real.getInt("articles.created"));

        JsonPath again = ImportTest.importFile("format=wxr&dryRun=true", file);
        assertEquals(0, again.getInt("comments.created"));
        assertEquals(3, again.getInt("comments.skipped"));
        assertEquals(1, again.getInt("articles.skipped"));
        assertNull(again.get("error"));
    }
}
