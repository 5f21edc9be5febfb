package news.comments;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The privacy promise as a test: comments posted with a marker email, IP (through a trusted proxy's
 * X-Forwarded-For) and user agent are approved, then every public endpoint is called, errors included, and no
 * response may contain any of the markers, in any case.
 */
@QuarkusTest
class PrivacySweepTest {

    private static final String EMAIL = "Marker.Person+Secret@Privacy-Marker.example";
    private static final String IP = "203.0.113.77";
    private static final String USER_AGENT = "MarkerAgent/9.9 (privacy-sweep)";

    @Test
    void shouldNeverShowEmailIpOrUserAgentInAnyPublicResponse() {
        String article = newArticleId();
        List<Response> responses = new ArrayList<>();

        Response first = markerRequest().body(comment(null)).post("/api/articles/{a}/comments", article);
        assertEquals(201, first.statusCode());
        responses.add(first);
        long parent = first.jsonPath().getLong("id");
        moderator().post("/api/moderation/comments/{id}/approve", parent).then().statusCode(200);
        // the moderators do see the markers: the sweep below is not passing for want of data
        moderator().get("/api/moderation/comments/{id}", parent).then()
                .body("authorEmail", equalTo(EMAIL)).body("ip", equalTo(IP)).body("userAgent", equalTo(USER_AGENT));

        Response reply = markerRequest().body(comment(parent)).post("/api/articles/{a}/comments", article);
        assertEquals(201, reply.statusCode());
        responses.add(reply);
        moderator().post("/api/moderation/comments/{id}/approve", reply.jsonPath().getLong("id")).then()
                .statusCode(200);
        // a first-time author (the first one is now trusted as a returning commenter), so this one stays pending
        Map<String, Object> newcomer = comment(null);
        newcomer.put("authorEmail", "newcomer@privacy-marker.example");
        long pending = markerRequest().body(newcomer).post("/api/articles/{a}/comments", article)
                .then().statusCode(201).extract().jsonPath().getLong("id");

        responses.add(markerRequest().get("/api/articles/{a}/comments", article));
        responses.add(markerRequest().queryParam("limit", 1).get("/api/articles/{a}/comments", article));
        responses.add(markerRequest().get("/api/articles/{a}/comments/count", article));
        responses.add(markerRequest().get("/api/comments/{id}", parent));
        responses.add(markerRequest().get("/api/comments/{id}", pending));
        // errors must not echo what was sent either
        Map<String, Object> invalid = comment(null);
        invalid.put("authorName", "");
        invalid.put("authorUrl", "mailto:" + EMAIL);
        responses.add(markerRequest().body(invalid).post("/api/articles/{a}/comments", article));
        responses.add(markerRequest().body("{\"authorEmail\": \"" + EMAIL + "\", \"parentId\": \"" + EMAIL + "\"}")
                .post("/api/articles/{a}/comments", article));
        responses.add(markerRequest().body("{\"authorEmail\": \"" + EMAIL + "\"")
                .post("/api/articles/{a}/comments", article));
        responses.add(markerRequest().body(comment(pending)).post("/api/articles/{a}/comments", article));
        responses.add(markerRequest().get("/api/articles/{a}/comments", EMAIL));
        responses.add(markerRequest().get("/api/no-such-endpoint/" + IP));
        responses.add(markerRequest().get("/api/comment-form"));
        responses.add(markerRequest().body(Map.of("reason", "spam", "note", "from " + EMAIL))
                .post("/api/comments/{id}/reports", parent));
        responses.add(markerRequest().body(Map.of("reason", EMAIL)).post("/api/comments/{id}/reports", parent));

        assertEquals(200, responses.get(2).statusCode());
        assertEquals(2, responses.get(2).jsonPath().getList("comments").size());
        for (Response response : responses) {
            String everything = (response.getHeaders().toString() + "\n" + response.asString())
                    .toLowerCase(java.util.Locale.ROOT);
            for (String marker : new String[]{EMAIL, "privacy-marker", IP, USER_AGENT, "markeragent"}) {
                assertFalse(everything.contains(marker.toLowerCase(java.util.Locale.ROOT)),
                        () -> "a public response contains the marker " + marker + ": " + everything);
            }
        }
    }

    /**
     * Mail is a door too. A verified author asks for reply mail; a reader with marker data replies and is
     * published. Then every mail this test JVM has received so far, from every test, is swept: none may carry an
     * address but its own recipient's (and the sender's), and none the markers' IP or user agent.
     */
    @Test
    void shouldPutNoOtherPersonsDataInAnyMail() {
        String article = TestApi.article("POST");
        Map<String, Object> parent = TestApi.validComment();
        String parentEmail = (String) parent.get("authorEmail");
        parent.put("commenterKey", TestMail.verify(parentEmail, article));
        parent.put("notifyReplies", true);
        long parentId = TestApi.postComment(article, parent);
        int before = TestMail.to(parentEmail).size();
        markerRequest().body(comment(parentId)).post("/api/articles/{a}/comments", article).then().statusCode(201);
        TestMail.await(parentEmail, before + 1);

        java.util.regex.Pattern address = java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]+");
        int swept = 0;
        for (jakarta.mail.internet.MimeMessage mail : MailServer.received()) {
            String everything = TestMail.raw(mail);
            String recipient;
            try {
                recipient = mail.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
            java.util.regex.Matcher found = address.matcher(everything);
            while (found.find()) {
                String seen = found.group();
                assertTrue(seen.equalsIgnoreCase(recipient) || seen.equals("comments@localhost")
                                || seen.endsWith("@localhost") || seen.contains("JavaMail"),
                        "a mail to " + recipient + " carries another address: " + seen);
            }
            for (String marker : new String[]{IP, USER_AGENT}) {
                assertFalse(everything.contains(marker), "a mail carries the marker " + marker);
            }
            if (!recipient.equalsIgnoreCase(EMAIL)) {
                assertFalse(everything.toLowerCase(java.util.Locale.ROOT).contains("privacy-marker"),
                        "a mail to someone else carries the marker address");
            }
            swept++;
        }
        assertTrue(swept >= 2, "the sweep read the mails of this test at least");
    }

    private static io.restassured.specification.RequestSpecification markerRequest() {
        return RestAssured.given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", IP)
                .header("User-Agent", USER_AGENT);
    }

    private static Map<String, Object> comment(Long parentId) {
        Map<String, Object> comment = TestApi.validComment();
        comment.put("authorEmail", EMAIL);
        comment.put("authorUrl", "https://reader.example.org/");
        if (parentId != null) {
            comment.put("parentId", parentId);
        }
        return comment;
    }
}
