package news.comments.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static news.comments.TestApi.admin;
import static org.hamcrest.Matchers.equalTo;

/**
 * Outside the tests, webhook URLs must be {@code https} ({@code comments.webhooks.allow-http} is false by default;
 * the test profile turns it on for its plain-HTTP receivers): here it is off, as in production.
 */
@QuarkusTest
@TestProfile(WebhookHttpsOnlyTest.HttpsOnly.class)
class WebhookHttpsOnlyTest {

    public static class HttpsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a database of its own, as a restarted application finds an in-memory one's constraints invalid
            return Map.of("%test.comments.webhooks.allow-http", "false",
                    "%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:comments-https-only;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void shouldRefuseAPlainHttpUrlWhenHttpIsNotAllowed() {
        admin().body(Map.of("url", "http://hooks.example/comments", "events", List.of("comment.created")))
                .post("/api/admin/webhooks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("url"))
                .body("violations[0].message", equalTo("must be an absolute https URL"));

        long id = admin().body(Map.of("url", "https://hooks.example/comments", "events", List.of("comment.created")))
                .post("/api/admin/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().delete("/api/admin/webhooks/{id}", id).then().statusCode(204);
    }
}
