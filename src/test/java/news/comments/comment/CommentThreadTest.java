package news.comments.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What the site frontend reads: the approved thread, one comment, the count. */
@QuarkusTest
class CommentThreadTest {

    @Test
    void shouldShowOnlyApprovedCommentsOldestFirst() {
        String article = newArticleId();
        long first = publishedComment(article, validComment());
        long pending = postComment(article);
        long rejected = postComment(article);
        moderator().post("/api/moderation/comments/{id}/reject", rejected).then().statusCode(200);
        long spam = postComment(article);
        moderator().post("/api/moderation/comments/{id}/spam", spam).then().statusCode(200);
        long second = publishedComment(article, validComment());

        reader().get("/api/articles/{a}/comments", article).then()
                .statusCode(200)
                .body("articleId", equalTo(article))
                .body("total", equalTo(2))
                .body("comments.id", contains((int) first, (int) second))
                .body("next", nullValue());
        assertNotEquals(pending, first);
    }

    @Test
    void shouldAnswerEmptyThreadForArticleWithoutComments() {
        reader().get("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("comments", empty())
                .body("next", nullValue());
    }

    @Test
    void shouldWalkTheWholeThreadWithCursorsWithoutRepeatsOrGaps() {
        String article = newArticleId();
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            published.add(publishedComment(article, validComment()));
        }
        List<Long> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = reader().queryParam("limit", 3);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/articles/{a}/comments", article).then().statusCode(200)
                    .body("total", equalTo(7)).extract().jsonPath();
            seen.addAll(page.getList("comments.id", Long.class));
            after = page.getString("next");
            pages++;
        } while (after != null);
        assertEquals(published, seen);
        assertEquals(3, pages);
    }

    @Test
    void shouldRefuseLimitsOutsideOneToTwoHundred() {
        String article = newArticleId();
        for (String limit : new String[]{"0", "201", "-1", "abc", "1.5"}) {
            reader().queryParam("limit", limit).get("/api/articles/{a}/comments", article).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("limit"));
        }
        reader().queryParam("limit", 200).get("/api/articles/{a}/comments", article).then().statusCode(200);
        reader().queryParam("limit", 1).get("/api/articles/{a}/comments", article).then().statusCode(200);
    }

    @Test
    void shouldRefuseCursorsItDidNotIssue() {
        reader().queryParam("after", "not-a-cursor!").get("/api/articles/{a}/comments", newArticleId()).then()
                .statusCode(400)
                .body("violations[0].field", equalTo("after"));
    }

    @Test
    void shouldRenderBodyAsSafeHtmlWithParagraphsAndNofollowLinks() {
        String article = newArticleId();
        Map<String, Object> comment = validComment();
        comment.put("body", "See https://example.org/a?b=1&c=2.\n\n<script>alert('x')</script> & <b>bold</b>");
        long id = publishedComment(article, comment);
        reader().get("/api/comments/{id}", id).then()
                .statusCode(200)
                .body("body", equalTo(comment.get("body")))
                .body("bodyHtml", equalTo("<p>See <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow ugc\">"
                        + "https://example.org/a?b=1&amp;c=2</a>.</p>"
                        + "<p>&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</p>"));
    }

    @Test
    void shouldShowPublishedCommentAndHideEveryOtherStatus() {
        String article = newArticleId();
        long published = publishedComment(article, validComment());
        reader().get("/api/comments/{id}", published).then().statusCode(200).body("id", equalTo((int) published));
        long pending = postComment(article);
        reader().get("/api/comments/{id}", pending).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        moderator().post("/api/moderation/comments/{id}/reject", published).then().statusCode(200);
        reader().get("/api/comments/{id}", published).then().statusCode(404);
        reader().get("/api/comments/{id}", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void shouldCountApprovedCommentsOnly() {
        String article = newArticleId();
        publishedComment(article, validComment());
        publishedComment(article, validComment());
        postComment(article);
        reader().get("/api/articles/{a}/comments/count", article).then()
                .statusCode(200)
                .body("articleId", equalTo(article))
                .body("approved", equalTo(2));
        reader().get("/api/articles/{a}/comments/count", newArticleId()).then()
                .statusCode(200).body("approved", equalTo(0));
    }

    @Test
    void shouldGiveTheSameAuthorTheSameAvatarKeyWhateverTheCaseOfTheEmail() {
        String article = newArticleId();
        Map<String, Object> one = validComment();
        one.put("authorEmail", "Same.Person@Example.org");
        Map<String, Object> two = validComment();
        two.put("authorEmail", "same.person@example.ORG");
        Map<String, Object> other = validComment();
        String keyOne = reader().body(one).post("/api/articles/{a}/comments", article).then().statusCode(201)
                .body("avatarKey", matchesPattern("[0-9a-f]{64}")).extract().path("avatarKey");
        String keyTwo = reader().body(two).post("/api/articles/{a}/comments", article).then().statusCode(201)
                .extract().path("avatarKey");
        String keyOther = reader().body(other).post("/api/articles/{a}/comments", article).then().statusCode(201)
                .extract().path("avatarKey");
        assertEquals(keyOne, keyTwo);
        assertNotEquals(keyOne, keyOther);
        // not a plain hash that anyone could compute from a guessed address
        assertNotEquals(sha256Hex("same.person@example.org"), keyOne);
    }

    @Test
    void shouldListRepliesWithTheirParent() {
        String article = newArticleId();
        long parent = publishedComment(article, validComment());
        Map<String, Object> reply = validComment();
        reply.put("parentId", parent);
        long child = publishedComment(article, reply);
        reader().get("/api/articles/{a}/comments", article).then()
                .body("comments", hasSize(2))
                .body("comments.find { it.id == " + child + " }.parentId", equalTo((int) parent));
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
