package news.comments.infra;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.comments.config.CommentsConfig;

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
 * Keyed hashes (HMAC-SHA256 under a server secret) of values the service must recognise again but must not keep:
 * a reporter's IP ("one report per IP"), a banned address (a ban outlives the erasure of the address it names).
 * Unlike a plain hash, nobody holding a copy of the table can test a guessed address or the 2<sup>32</sup> IPv4
 * addresses against it without the secret. The secret is {@code comments.privacy.secret}, or generated once and kept
 * in {@code server_secret}, where every instance finds the same one.
 */
@ApplicationScoped
public class KeyedHashes {

    private static final String SECRET_NAME = "privacy-hmac";

    private final CommentsConfig config;
    private final EntityManager entityManager;
    private volatile SecretKeySpec key;

    KeyedHashes(CommentsConfig config, EntityManager entityManager) {
        this.config = config;
        this.entityManager = entityManager;
    }

    /** The keyed hash of an IP address, as lower-case hex. */
    public String ip(String ip) {
        return hmac("ip:" + ip);
    }

    /** The keyed hash of an email address (compared lower-cased), as lower-case hex. */
    public String email(String email) {
        return hmac("email:" + email.toLowerCase(Locale.ROOT));
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            String secret = config.privacy().secret().orElseGet(this::storedSecret);
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
            throw new IllegalStateException("the privacy secret could not be stored");
        }
        return stored;
    }

    private String readSecret() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("select secret from server_secret where name = ?1")
                    .setParameter(1, SECRET_NAME).getResultList();
            return rows.isEmpty() ? null : rows.get(0).toString();
        });
    }
}
