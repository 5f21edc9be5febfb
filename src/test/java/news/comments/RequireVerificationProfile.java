package news.comments;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The service with {@code comments.mail.require-verification}: a comment from an unverified address waits until its
 * address is confirmed. Test classes that share this profile share one start of the service.
 */
public class RequireVerificationProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // a database of its own: H2 reports the check constraints of an in-memory database reopened by a restarted
        // application as invalid ("Check constraint invalid"), as ForwardedHeadersIgnoredTest found
        return Map.of("comments.mail.require-verification", "true",
                "%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:comments-require-verification;DB_CLOSE_DELAY=-1");
    }
}
