package news.comments.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static news.comments.TestApi.moderator;
import static news.comments.TestApi.newArticleId;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;

/**
 * With the production default (no trusted proxy), a reader cannot choose the IP that flood rules and moderators
 * see by sending X-Forwarded-For or Forwarded: the connection's address counts.
 */
@QuarkusTest
@TestProfile(ForwardedHeadersIgnoredTest.NoProxy.class)
class ForwardedHeadersIgnoredTest {

    public static class NoProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a database of its own: this profile starts a second application in the same JVM. Scoped to %test so
            // that under -Ppostgres (profiles test,pg) the %pg URL still wins and both apps share the PostgreSQL DB.
            return Map.of("%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:comments-no-proxy;DB_CLOSE_DELAY=-1",
                    "quarkus.http.proxy.proxy-address-forwarding", "false",
                    "quarkus.http.proxy.allow-x-forwarded", "false");
        }
    }

    @Test
    void shouldRecordTheConnectionAddressWhateverTheHeadersSay() {
        long id = reader().header("X-Forwarded-For", "198.51.100.9").header("Forwarded", "for=198.51.100.10")
                .body(validComment()).post("/api/articles/{a}/comments", newArticleId())
                .then().statusCode(201).extract().jsonPath().getLong("id");
        moderator().get("/api/moderation/comments/{id}", id).then().body("ip", equalTo("127.0.0.1"));
    }
}
