package news.comments.comment;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.post;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** POST /api/articles/{articleId}/comments: the rules of the "Leave a Comment" form. */
@QuarkusTest
class CommentPostingTest {

    @Test
    void shouldCreatePendingCommentWithLocationWhenFormIsValid() {
        var response = post(newArticleId(), validComment()).statusCode(201).extract();
        long id = response.jsonPath().getLong("id");
        org.junit.jupiter.api.Assertions.assertTrue(response.header("Location").endsWith("/api/comments/" + id));
        reader().get(response.header("Location")).then().statusCode(404); // pending: not public yet
    }

    @Test
    void shouldAnswerPublicViewWithStatusWhenPosted() {
        Map<String, Object> comment = validComment();
        comment.put("authorUrl", "https://reader.example.org/");
        comment.put("body", "First line\nsecond line");
        post(newArticleId(), comment)
                .statusCode(201)
                .contentType("application/json")
                .body("status", equalTo("PENDING"))
                .body("authorName", equalTo(comment.get("authorName")))
                .body("authorUrl", equalTo("https://reader.example.org/"))
                .body("body", equalTo("First line\nsecond line"))
                .body("bodyHtml", equalTo("<p>First line<br>second line</p>"))
                .body("parentId", nullValue())
                .body("createdAt", notNullValue())
                .body("avatarKey", notNullValue())
                .body("authorEmail", nullValue());
    }

    @Test
    void shouldNameEveryMissingFieldInOneProblemWhenAllAreMissing() {
        reader().body("{}").post("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("authorName", "authorEmail", "body"));
    }

    @Test
    void shouldTreatBlankFieldsAsMissing() {
        post(newArticleId(), Map.of("authorName", "   ", "authorEmail", "\t", "body", " \n \n "))
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("authorName", "authorEmail", "body"))
                .body("violations.message", hasItem("is required"));
    }

    @Test
    void shouldTrimFieldsBeforeStoringThem() {
        Map<String, Object> comment = validComment();
        comment.put("authorName", "  Ada  ");
        comment.put("body", "\n  Hello  \n");
        post(newArticleId(), comment).statusCode(201)
                .body("authorName", equalTo("Ada"))
                .body("body", equalTo("Hello"));
    }

    @Test
    void shouldRefuseMalformedEmails() {
        for (String email : new String[]{"no-at-sign", "two@@example.org", "a@b", "spaces in@example.org",
                "@example.org", "reader@"}) {
            Map<String, Object> comment = validComment();
            comment.put("authorEmail", email);
            post(newArticleId(), comment).statusCode(400)
                    .body("violations", hasSize(1))
                    .body("violations[0].field", equalTo("authorEmail"));
        }
    }

    @Test
    void shouldAcceptUnusualButValidEmails() {
        for (String email : new String[]{"first.last+news@sub.example.co.uk", "O'Brien@example.ie",
                "UPPER@EXAMPLE.ORG"}) {
            Map<String, Object> comment = validComment();
            comment.put("authorEmail", email);
            post(newArticleId(), comment).statusCode(201);
        }
    }

    @Test
    void shouldAcceptOnlyHttpAndHttpsWebsites() {
        for (String url : new String[]{"javascript:alert(1)", "ftp://example.org/", "example.org",
                "data:text/html,hi", "http://"}) {
            Map<String, Object> comment = validComment();
            comment.put("authorUrl", url);
            post(newArticleId(), comment).statusCode(400)
                    .body("violations[0].field", equalTo("authorUrl"));
        }
        Map<String, Object> comment = validComment();
        comment.put("authorUrl", "HTTP://Example.org/path?q=1");
        post(newArticleId(), comment).statusCode(201);
    }

    @Test
    void shouldTreatBlankWebsiteAsNone() {
        Map<String, Object> comment = validComment();
        comment.put("authorUrl", "  ");
        post(newArticleId(), comment).statusCode(201).body("authorUrl", nullValue());
    }

    @Test
    void shouldAcceptNameOfExactlyHundredCharactersAndRefuseOneMore() {
        Map<String, Object> comment = validComment();
        comment.put("authorName", "n".repeat(100));
        post(newArticleId(), comment).statusCode(201);
        comment.put("authorName", "n".repeat(101));
        post(newArticleId(), comment).statusCode(400)
                .body("violations[0].field", equalTo("authorName"))
                .body("violations[0].message", equalTo("must be at most 100 characters"));
    }

    @Test
    void shouldCountEmojiAsOneCharacter() {
        Map<String, Object> comment = validComment();
        comment.put("authorName", "😀".repeat(100));
        post(newArticleId(), comment).statusCode(201).body("authorName", equalTo("😀".repeat(100)));
        comment.put("authorName", "😀".repeat(101));
        post(newArticleId(), comment).statusCode(400).body("violations[0].field", equalTo("authorName"));
    }

    @Test
    void shouldAcceptBodyAtTheLimitAndRefuseOneCharacterMore() {
        Map<String, Object> comment = validComment();
        comment.put("body", "é".repeat(5000));
        post(newArticleId(), comment).statusCode(201);
        comment.put("body", "é".repeat(5001));
        post(newArticleId(), comment).statusCode(400)
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].message", equalTo("must be at most 5000 characters"));
    }

    @Test
    void shouldAcceptEmailOf254CharactersAndRefuse255() {
        // a 64-character local part and labels of at most 63 characters, as RFC 5321 allows
        String local = "a".repeat(64);
        Map<String, Object> comment = validComment();
        comment.put("authorEmail", local + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".org");
        org.junit.jupiter.api.Assertions.assertEquals(254, comment.get("authorEmail").toString().length());
        post(newArticleId(), comment).statusCode(201);
        comment.put("authorEmail", local + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".org");
        post(newArticleId(), comment).statusCode(400)
                .body("violations[0].field", equalTo("authorEmail"))
                .body("violations[0].message", equalTo("must be at most 254 characters"));
    }

    @Test
    void shouldAcceptWebsiteOf200CharactersAndRefuse201() {
        String prefix = "https://example.org/";
        Map<String, Object> comment = validComment();
        comment.put("authorUrl", prefix + "p".repeat(200 - prefix.length()));
        post(newArticleId(), comment).statusCode(201);
        comment.put("authorUrl", prefix + "p".repeat(201 - prefix.length()));
        post(newArticleId(), comment).statusCode(400).body("violations[0].field", equalTo("authorUrl"));
    }

    @Test
    void shouldRemoveControlCharactersButKeepLineBreaks() {
        Map<String, Object> comment = validComment();
        comment.put("authorName", "Ada\u0000\u0007 Lovelace");
        comment.put("body", "one\u0000\r\ntwo");
        post(newArticleId(), comment).statusCode(201)
                .body("authorName", equalTo("Ada Lovelace"))
                .body("body", equalTo("one\ntwo"));
    }

    @Test
    void shouldRefuseInvalidArticleIds() {
        post("has space", validComment()).statusCode(400).body("violations[0].field", equalTo("articleId"));
        post("x".repeat(201), validComment()).statusCode(400).body("violations[0].field", equalTo("articleId"));
        post("é", validComment()).statusCode(400).body("violations[0].field", equalTo("articleId"));
        post("section:2026.11_story-" + "x".repeat(170), validComment()).statusCode(201);
    }

    @Test
    void shouldRefuseReplyToPendingComment() {
        String article = newArticleId();
        long pending = postComment(article);
        Map<String, Object> reply = validComment();
        reply.put("parentId", pending);
        post(article, reply).statusCode(400)
                .body("violations[0].field", equalTo("parentId"))
                .body("violations[0].message", equalTo("must be an approved comment"));
    }

    @Test
    void shouldRefuseReplyToCommentOfAnotherArticle() {
        long elsewhere = publishedComment(newArticleId(), validComment());
        Map<String, Object> reply = validComment();
        reply.put("parentId", elsewhere);
        post(newArticleId(), reply).statusCode(400)
                .body("violations[0].field", equalTo("parentId"))
                .body("violations[0].message", equalTo("must be a comment of the same article"));
    }

    @Test
    void shouldRefuseReplyToUnknownComment() {
        Map<String, Object> reply = validComment();
        reply.put("parentId", Long.MAX_VALUE);
        post(newArticleId(), reply).statusCode(400).body("violations[0].field", equalTo("parentId"));
    }

    @Test
    void shouldAcceptReplyToApprovedCommentOfSameArticle() {
        String article = newArticleId();
        long parent = publishedComment(article, validComment());
        Map<String, Object> reply = validComment();
        reply.put("parentId", parent);
        post(article, reply).statusCode(201).body("parentId", equalTo((int) parent));
    }

    @Test
    void shouldAllowFiveLevelsOfNestingAndRefuseTheSixth() {
        String article = newArticleId();
        long parent = publishedComment(article, validComment());
        for (int level = 2; level <= 5; level++) {
            Map<String, Object> reply = validComment();
            reply.put("parentId", parent);
            parent = publishedComment(article, reply);
        }
        Map<String, Object> tooDeep = validComment();
        tooDeep.put("parentId", parent);
        post(article, tooDeep).statusCode(400).body("violations[0].field", equalTo("parentId"));
    }
}
