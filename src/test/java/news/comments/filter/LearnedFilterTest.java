package news.comments.filter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.comments.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static news.comments.TestApi.admin;
import static news.comments.TestApi.article;
import static news.comments.TestApi.awaitFilterLearned;
import static news.comments.TestApi.moderation;
import static news.comments.TestApi.moderator;
import static news.comments.TestApi.post;
import static news.comments.TestApi.postComment;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learned filter through the API: moderators' decisions train it, it scores and acts through the
 * {@code learned-filter} rule, explains itself, and its admin door. Each test forgets the shared model first.
 */
@QuarkusTest
class LearnedFilterTest {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    @Inject
    DataSource dataSource;

    private String spamWord;
    private String hamWord;

    @BeforeEach
    void forgetTheModel() {
        admin().delete("/api/admin/filter").then().statusCode(204);
        spamWord = word();
        hamWord = word();
    }

    @Test
    void shouldLearnFromApprovalAndSpamAndMoveAReversedDecision() throws SQLException {
        String article = article("PRE");
        long id = postComment(article, comment("A remark about " + hamWord));
        decide(id, "approve");
        assertEquals(List.of(1L, 0L), counts(hamWord));
        status().body("hamLearned", equalTo(1)).body("spamLearned", equalTo(0))
                .body("lastTrained", notNullValue());

        decide(id, "spam");
        assertEquals(List.of(0L, 1L), counts(hamWord));
        status().body("hamLearned", equalTo(0)).body("spamLearned", equalTo(1));

        decide(id, "approve");
        assertEquals(List.of(1L, 0L), counts(hamWord));
        status().body("hamLearned", equalTo(1)).body("spamLearned", equalTo(0));
    }

    @Test
    void shouldLearnEveryCommentOfABulkDecisionAfterItsAnswer() throws SQLException {
        String article = article("PRE");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(postComment(article, comment("Bulk remark " + i + " on " + hamWord)));
        }
        moderator().body(Map.of("action", "approve", "ids", ids)).post("/api/moderation/bulk").then()
                .statusCode(200);
        awaitFilterLearned();
        assertEquals(List.of(30L, 0L), counts(hamWord));
        status().body("hamLearned", equalTo(30)).body("waiting", equalTo(0));

        moderator().body(Map.of("action", "spam", "ids", ids.subList(0, 10))).post("/api/moderation/bulk").then()
                .statusCode(200);
        awaitFilterLearned();
        assertEquals(List.of(20L, 10L), counts(hamWord), "ten examples moved to the other class");
        status().body("hamLearned", equalTo(20)).body("spamLearned", equalTo(10));
    }

    @Test
    void shouldForgetADecidedTextOnceItsAuthorEditedIt() throws SQLException {
        String article = article("PRE");
        JsonPath posted = post(article, comment("A fair point about " + hamWord)).statusCode(201).extract()
                .jsonPath();
        long id = posted.getLong("id");
        decide(id, "approve");
        assertEquals(List.of(1L, 0L), counts(hamWord));

        news.comments.TestApi.reader().header("Comment-Token", posted.getString("editToken"))
                .body(Map.of("body", "Now about " + spamWord)).patch("/api/comments/{id}", id).then()
                .statusCode(200);
        awaitFilterLearned();
        assertEquals(List.of(), counts(hamWord), "the moderator approved the old text, not this one: taken back, "
                + "and a word no learned comment has any more is not kept readable");
        assertEquals(List.of(), counts(spamWord), "the author's own text teaches nothing");
        status().body("hamLearned", equalTo(0));

        decide(id, "spam");
        assertEquals(List.of(0L, 1L), counts(spamWord), "a decision on the new text teaches it");
    }

    @Test
    void shouldTrainNothingOnARejection() throws SQLException {
        String article = article("PRE");
        long rejected = postComment(article, comment("Off topic " + hamWord));
        decide(rejected, "reject");
        assertEquals(List.of(), counts(hamWord));
        long approvedThenRejected = postComment(article, comment("Later off topic " + spamWord));
        decide(approvedThenRejected, "approve");
        decide(approvedThenRejected, "reject");
        assertEquals(List.of(), counts(spamWord), "taken back, and no longer readable");
        status().body("hamLearned", equalTo(0)).body("spamLearned", equalTo(0));
    }

    @Test
    void shouldActOnlyOnceItLearnedMinTrainingDecisionsOfEachClass() {
        String article = article("POST");
        withFilter(Map.of("minTraining", 3), () -> {
            train(3, 2);
            long early = postComment(article, spammy());
            assertNull(moderation(early).get("spamScore"), "untrained: no score shown");
            assertEquals("APPROVED", moderation(early).getString("status"), "untrained: no effect");

            train(0, 1);
            long late = post(article, spammy()).statusCode(201).body("status", equalTo("PENDING"))
                    .extract().jsonPath().getLong("id");
            JsonPath view = moderation(late);
            assertEquals("SPAM", view.getString("status"));
            assertTrue(view.getDouble("spamScore") >= 0.99, view.prettify());
            String detail = view.getString("autoDecision.rules.find { it.name == 'learned-filter' }.detail");
            assertTrue(detail.startsWith("learned-filter: spam "), detail);
            assertTrue(detail.contains("\"" + spamWord + "\""), "names the token that weighed most: " + detail);

            long ham = postComment(article, hammy());
            assertEquals("APPROVED", moderation(ham).getString("status"));
            assertTrue(moderation(ham).getDouble("spamScore") < 0.1);
        });
    }

    @Test
    void shouldHoldInPostModeAndNeverApproveInPreMode() {
        String postArticle = article("POST");
        String preArticle = article("PRE");
        withFilter(Map.of("minTraining", 2, "holdAbove", 0.5, "spamAbove", 1.0), () -> {
            train(3, 3);
            long held = postComment(postArticle, spammy());
            JsonPath view = moderation(held);
            assertEquals("PENDING", view.getString("status"), "held, also in POST mode");
            assertEquals("hold", view.getString("autoDecision.rules.find { it.name == 'learned-filter' }.effect"));
            long ham = postComment(preArticle, hammy());
            assertEquals("PENDING", moderation(ham).getString("status"), "a sure ham is not approved by the filter");
            assertEquals(0, moderation(ham).getList("autoDecision.rules").size());
        });
    }

    @Test
    void shouldScoreNothingWhenSwitchedOff() {
        String article = article("POST");
        withFilter(Map.of("minTraining", 1, "enabled", false), () -> {
            train(2, 2);
            long id = postComment(article, spammy());
            assertNull(moderation(id).get("spamScore"));
            assertEquals("APPROVED", moderation(id).getString("status"));
        });
    }

    @Test
    void shouldLearnWordsInAnyScriptFoldedForWidthAndAccents() {
        String article = article("POST");
        String training = article("PRE");
        withFilter(Map.of("minTraining", 2), () -> {
            for (int i = 0; i < 3; i++) {
                decide(postComment(training, comment("激安 ブランド 販売 Cásino Gewinn " + word())), "spam");
                decide(postComment(training, comment("Der Stadtrat hat über den Haushalt beraten " + word())),
                        "approve");
            }
            long id = postComment(article, comment("激安ブランド ｃａｓｉｎｏ GEWINN"));
            assertEquals("SPAM", moderation(id).getString("status"), moderation(id).prettify());
        });
    }

    @Test
    void shouldNeverStoreAnEmailAddressOrAnIpAsAToken() throws SQLException {
        String article = article("PRE");
        Map<String, Object> marked = comment("Contact me at marker.person@privacy.example or from 203.0.113.77 "
                + "and 2001:db8::77 " + spamWord);
        marked.put("authorEmail", "marker.person@privacy.example");
        marked.put("authorName", "Marker Person");
        marked.put("authorUrl", "http://198.51.100.77/home");
        long id = news.comments.TestApi.reader().header("X-Forwarded-For", "192.0.2.177").body(marked)
                .post("/api/articles/{a}/comments", article).then().statusCode(201).extract().jsonPath().getLong("id");
        decide(id, "spam");
        List<String> tokens = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select token from filter_token");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tokens.add(rows.getString(1));
            }
        }
        assertTrue(tokens.contains(spamWord), "the comment was learned");
        assertTrue(tokens.contains("from:privacy.example"), tokens::toString);
        for (String token : tokens) {
            assertFalse(token.contains("@"), token);
            assertFalse(token.contains("marker.person"), token);
            assertFalse(IPV4.matcher(token).find(), token);
            assertFalse(token.contains("2001:db8") || token.contains("192.0.2.177"), token);
        }
    }

    @Test
    void shouldRetrainToTheSameCountsAsTheIncrementalPath() throws SQLException {
        admin().post("/api/admin/filter/retrain").then().statusCode(200);
        String article = article("PRE");
        long a = postComment(article, comment("first " + spamWord));
        long b = postComment(article, comment("second " + hamWord));
        long c = postComment(article, comment("third " + spamWord + " " + hamWord));
        decide(a, "spam");
        decide(b, "approve");
        decide(c, "approve");
        decide(c, "spam");
        decide(b, "reject");
        decide(b, "approve");
        Map<String, List<Long>> incremental = model();
        JsonPath before = status().extract().jsonPath();

        String stream = admin().post("/api/admin/filter/retrain").then().statusCode(200)
                .contentType(containsString("application/x-ndjson")).extract().asString();
        String[] lines = stream.strip().split("\n");
        JsonPath last = new JsonPath(lines[lines.length - 1]);
        assertTrue(last.getBoolean("finished"), stream);
        assertEquals(last.getLong("total"), last.getLong("done"));
        assertEquals(before.getLong("hamLearned"), last.getLong("status.hamLearned"));
        assertEquals(before.getLong("spamLearned"), last.getLong("status.spamLearned"));
        assertEquals(incremental, model());
        assertEquals(List.of(0L, 2L), counts(spamWord), "in a and c, both spam");
        assertEquals(List.of(1L, 1L), counts(hamWord), "in b (approved again) and c (spam)");
    }

    @Test
    void shouldRefuseABrokenLearnedFilterPart() {
        Map<String, Object> without = TestSettings.current();
        without.remove("learnedFilter");
        admin().body(without).put("/api/admin/settings").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("learnedFilter"))
                .body("violations[0].message", equalTo("is required"));

        Map<String, Object> bad = TestSettings.current();
        Map<String, Object> filter = new HashMap<>(Map.of("holdAbove", 0.995, "spamAbove", 0.99,
                "minTraining", 0));
        bad.put("learnedFilter", filter);
        admin().body(bad).put("/api/admin/settings").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("learnedFilter.enabled", "learnedFilter.holdAbove",
                        "learnedFilter.minTraining"));
        filter.putAll(Map.of("enabled", true, "holdAbove", 0.2, "spamAbove", 1.5, "minTraining", 50));
        admin().body(bad).put("/api/admin/settings").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("learnedFilter.holdAbove", "learnedFilter.spamAbove"));
    }

    @Test
    void shouldShowTheDefaultsSeededFromConfiguration() {
        admin().get("/api/admin/settings").then().statusCode(200)
                .body("learnedFilter.enabled", equalTo(true))
                .body("learnedFilter.holdAbove", equalTo(0.9f))
                .body("learnedFilter.spamAbove", equalTo(0.99f));
    }

    @Test
    void shouldKeepTheFilterDoorForAdmins() {
        moderator().get("/api/admin/filter").then().statusCode(403);
        moderator().post("/api/admin/filter/retrain").then().statusCode(403);
        moderator().delete("/api/admin/filter").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/admin/filter").then().statusCode(401);
        status().body("tokens", equalTo(0)).body("maxTokens", equalTo(200000));
    }

    // ---- helpers

    private void train(int spam, int ham) {
        String article = article("PRE");
        for (int i = 0; i < spam; i++) {
            decide(postComment(article, spammy()), "spam");
        }
        for (int i = 0; i < ham; i++) {
            decide(postComment(article, hammy()), "approve");
        }
    }

    private Map<String, Object> spammy() {
        return comment("Buy " + spamWord + " now, cheapest " + spamWord + " offer " + word());
    }

    private Map<String, Object> hammy() {
        return comment("The council debated the " + hamWord + " budget " + word());
    }

    private static Map<String, Object> comment(String body) {
        Map<String, Object> comment = validComment();
        comment.put("body", body);
        return comment;
    }

    /** A moderator's decision, once the filter has learned it (it learns after the commit, in the background). */
    private static void decide(long id, String decision) {
        moderator().post("/api/moderation/comments/{id}/" + decision, id).then().statusCode(200);
        awaitFilterLearned();
    }

    private static io.restassured.response.ValidatableResponse status() {
        return admin().get("/api/admin/filter").then().statusCode(200);
    }

    private static void withFilter(Map<String, Object> changes, Runnable test) {
        TestSettings.with(s -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> filter = new HashMap<>((Map<String, Object>) s.get("learnedFilter"));
            filter.putAll(changes);
            s.put("learnedFilter", filter);
        }, test);
    }

    /** Random lower-case letters: a word no other test uses. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    /** The (ham, spam) counts of one token, or an empty list when the model has no such token. */
    private List<Long> counts(String token) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select ham, spam from filter_token where token = ?")) {
            select.setString(1, token);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? List.of(row.getLong(1), row.getLong(2)) : List.of();
            }
        }
    }

    /** Every token with a count, as token → (ham, spam), and the model row's decisions per class. */
    private Map<String, List<Long>> model() throws SQLException {
        Map<String, List<Long>> model = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(
                    "select token, ham, spam from filter_token where ham + spam > 0");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    model.put(rows.getString(1), List.of(rows.getLong(2), rows.getLong(3)));
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "select ham, spam from filter_model where id = 1");
                 ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                model.put("(decisions)", List.of(row.getLong(1), row.getLong(2)));
            }
        }
        assertNotNull(model);
        return model;
    }
}
