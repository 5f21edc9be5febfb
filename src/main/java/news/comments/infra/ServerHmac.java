package news.comments.infra;

import jakarta.persistence.EntityManager;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * HMAC-SHA256 under a server secret: the configured one, or one generated on first use and kept in
 * {@code server_secret} under its name, where every instance finds the same (the primary key picks one winner of
 * simultaneous first uses). The one way the service keys values it must recognise without keeping them: avatar keys,
 * reporters' IPs, banned addresses.
 */
public final class ServerHmac {

    private final String secretName;
    private final Optional<String> configured;
    private final EntityManager entityManager;
    private volatile SecretKeySpec key;
    /**
     * One initialized Mac per thread: {@code Mac.getInstance} looks the algorithm up among the providers on every call,
     * which a profile of an import (one avatar key per comment) showed among its costs.
     */
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();

    public ServerHmac(String secretName, Optional<String> configured, EntityManager entityManager) {
        this.secretName = secretName;
        this.configured = configured;
        this.entityManager = entityManager;
    }

    /** The keyed hash of {@code text}, as lower-case hex. */
    public String hex(String text) {
        try {
            Mac mac = macs.get();
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(key());
                macs.set(mac);
            }
            // doFinal resets the Mac to its key, ready for the next value
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            String secret = configured.orElseGet(this::storedSecret);
            current = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            key = current;
        }
        return current;
    }

    private String storedSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String candidate = Base64.getEncoder().encodeToString(random);
        String stored = InsertOnce.insertOrRead(this::readSecret, () -> entityManager
                .createNativeQuery("insert into server_secret (name, secret) values (?1, ?2)")
                .setParameter(1, secretName).setParameter(2, candidate).executeUpdate());
        if (stored == null) {
            throw new IllegalStateException("the server secret " + secretName + " could not be stored");
        }
        return stored;
    }

    private String readSecret() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("select secret from server_secret where name = ?1")
                    .setParameter(1, secretName).getResultList();
            return rows.isEmpty() ? null : rows.get(0).toString();
        });
    }
}
