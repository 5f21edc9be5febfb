package news.comments.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.reader;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site leaving Remark42 or Isso: a Remark42 backup written as Remark42 writes one
 * ({@code imports/remark42/README.md}) and an Isso database made by Isso's own database code
 * ({@code imports/isso/README.md}), imported comment by comment.
 */
@QuarkusTest
class OtherSystemsImportTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OtherSystemsImportTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    private static JsonPath byAuthor(List<JsonPath> comments, String name) {
        return comments.stream().filter(c -> name.equals(c.getString("authorName"))).findFirst().orElseThrow(
                () -> new AssertionError("no comment by " + name));
    }

    @Test
    void shouldImportARemark42BackupWithItsUsersPinsEditsAndDeletions() throws IOException {
        byte[] backup = resource("remark42/backup-gazette-20261207.gz");
        String host = "r" + Long.toString(System.nanoTime(), 36) + ".gazette.example";
        JsonPath job = ImportTest.importFile("format=remark42&articleIdFrom=url&urlFrom=https://old.gazette.example/"
                + "&urlTo=https://" + host + "/", backup);

        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("articles.created"));
        assertEquals(7, job.getInt("comments.created"));
        assertEquals(0, job.getInt("comments.failed"));
        List<JsonPath> bridge = RealExportsTest.all(host + "-2023-11-bridge-to-close");
        assertEquals(5, bridge.size());
        JsonPath amy = bridge.get(0);
        assertEquals("Amy Pond", amy.getString("authorName"));
        assertEquals("amy@example.org", amy.getString("authorEmail"), "from the backup's users");
        assertEquals("APPROVED", amy.getString("status"));
        assertEquals("2023-11-02T09:15:00Z", amy.getString("createdAt"));
        assertNull(amy.get("ip"), "Remark42 keeps a keyed hash, not an address");
        assertTrue(amy.getBoolean("pinned"), "the pin is kept");
        JsonPath rory = byAuthor(bridge, "Rory W.");
        assertEquals(amy.getLong("id"), rory.getLong("parentId"));
        assertEquals("Six weeks, says the council (https://council.example/roadworks).", rory.getString("body"));
        assertEquals("2023-11-02T10:01:30.250Z", rory.getString("createdAt"));
        assertEquals("2023-11-02T10:05:00Z", rory.getString("editedAt"));
        JsonPath deleted = bridge.stream().filter(c -> c.getString("status").equals("DELETED")).findFirst()
                .orElseThrow();
        assertEquals("", deleted.getString("body"));
        assertTrue(bridge.stream().anyMatch(c -> c.get("parentId") != null
                && c.getLong("parentId") == deleted.getLong("id")), "the deleted comment's reply keeps its parent");
        assertEquals("REJECTED", byAuthor(bridge, "Loud Troll").getString("status"), "a blocked user's comment");
        assertEquals(3, reader().get("/api/articles/{a}/comments", host + "-2023-11-bridge-to-close").then()
                .statusCode(200).extract().jsonPath().getInt("total"));

        String budget = host + "-2024-03-budget";
        JsonPath export = admin().queryParam("articleId", budget).get("/api/admin/export").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Council budget: what changes in 2024", export.getString("articles[0].title"));
        assertEquals("https://" + host + "/2024/03/budget/", export.getString("articles[0].url"), "urlMap");
        assertFalse(export.getBoolean("articles[0].commentsOpen"), "read_only in Remark42");
        assertEquals("Бюджет на 2024 год: библиотека открыта дольше.",
                byAuthor(RealExportsTest.all(budget), "Дмитрий").getString("body"));

        byte[] plain;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(backup))) {
            plain = in.readAllBytes();
        }
        JsonPath again = ImportTest.importFile("format=remark42", plain);
        assertEquals(0, again.getInt("comments.created"), "the same backup, not gzip'd: " + again.prettify());
        assertEquals(7, again.getInt("comments.skipped"));

        admin().contentType("application/octet-stream").body(resource("disqus.xml"))
                .post("/api/admin/imports?format=remark42").then().statusCode(400)
                .body("type", equalTo("/problems/malformed-xml"));
    }

    @Test
    void shouldImportAnIssoDatabaseWithItsModesThreadsAndEdits() throws IOException {
        String host = "i" + Long.toString(System.nanoTime(), 36) + ".gazette.example";
        JsonPath job = ImportTest.importFile("format=isso&articleIdFrom=url&urlFrom=/&urlTo=https://" + host + "/",
                resource("isso/comments.db"));

        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("articles.created"));
        assertEquals(7, job.getInt("comments.created"));
        assertEquals(0, job.getInt("comments.failed"));
        List<JsonPath> bridge = RealExportsTest.all(host + "-2023-11-bridge-to-close");
        List<JsonPath> budget = RealExportsTest.all(host + "-2024-03-budget");
        assertEquals(5, bridge.size());
        JsonPath martha = byAuthor(bridge, "Martha Jones");
        assertEquals("martha@example.org", martha.getString("authorEmail"));
        assertEquals("https://martha.example/", martha.getString("authorUrl"));
        assertEquals("198.51.100.0", martha.getString("ip"));
        assertEquals("2023-11-02T09:15:00Z", martha.getString("createdAt"));
        assertEquals("Finally! The potholes were terrible.\n\nHow long will it take?", martha.getString("body"));
        JsonPath editor = byAuthor(bridge, "The Editor");
        assertEquals(martha.getLong("id"), editor.getLong("parentId"));
        assertEquals("2023-11-02T10:01:00.500Z", editor.getString("createdAt"));
        assertEquals("PENDING", byAuthor(bridge, "Rory").getString("status"), "mode 2");
        JsonPath amy = bridge.stream().filter(c -> "Amy".equals(c.getString("authorName"))).findFirst().orElseThrow();
        JsonPath donna = bridge.stream().filter(c -> c.getLong("id") == amy.getLong("parentId")).findFirst()
                .orElseThrow();
        assertEquals("DELETED", donna.getString("status"), "mode 4: emptied, its reply keeps it as parent");
        assertEquals("Anonymous", donna.getString("authorName"));
        JsonPath dmitry = byAuthor(budget, "Дмитрий");
        assertEquals("APPROVED", dmitry.getString("status"));
        assertEquals("2024-03-01T10:00:00Z", dmitry.getString("editedAt"));
        assertEquals("2001:db8:85a3::", dmitry.getString("ip"));
        assertEquals(1, budget.stream().filter(c -> c.getString("status").equals("PENDING")).count());

        JsonPath again = ImportTest.importFile("format=isso", resource("isso/comments.db"));
        assertEquals(0, again.getInt("comments.created"), again.prettify());
        assertEquals(7, again.getInt("comments.skipped"));

        admin().contentType("application/octet-stream").body(resource("disqus.xml"))
                .post("/api/admin/imports?format=isso").then().statusCode(400)
                .body("detail", containsString("not an Isso database"));
    }
}
