package news.comments.comment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.comments.config.CommentsConfig;
import news.comments.infra.InsertOnce;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code avatarKey}: HMAC-SHA256 of the lower-cased email under a server secret. A page can draw the same avatar for
 * the same author, but nobody can test a guessed address against it, as one can against a plain (Gravatar) hash.
 * The secret is configured, or generated once and stored in the database, where every instance finds the same one.
 */
@ApplicationScoped
public class AvatarKeys {

    private static final String SECRET_NAME = "avatar-hmac";

    private final CommentsConfig config;
    private final EntityManager entityManager;
    private volatile SecretKeySpec key;

    AvatarKeys(CommentsConfig config, EntityManager entityManager) {
        this.config = config;
        this.entityManager = entityManager;
    }

    public String of(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] digest = mac.doFinal(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            String secret = config.avatar().secret().orElseGet(this::storedSecret);
            current = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            key = current;
        }
        return current;
    }

    /** Reads the shared secret, creating it first if no instance has yet; the primary key picks one winner. */
    private String storedSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String candidate = Base64.getEncoder().encodeToString(random);
        String stored = InsertOnce.insertOrRead(this::readSecret, () -> entityManager
                .createNativeQuery("insert into server_secret (name, secret) values (?1, ?2)")
                .setParameter(1, SECRET_NAME).setParameter(2, candidate).executeUpdate());
        if (stored == null) {
            throw new IllegalStateException("the avatar secret could not be stored");
        }
        return stored;
    }

    private String readSecret() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager
                    .createNativeQuery("select secret from server_secret where name = ?1")
                    .setParameter(1, SECRET_NAME)
                    .getResultList();
            return rows.isEmpty() ? null : rows.get(0).toString();
        });
    }
}
