package news.comments.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.comments.infra.InsertOnce;
import news.comments.infra.KeyedHashes;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Who wrote an export. The origin is a random name made once per database (kept in {@code server_secret}, the same on
 * every instance, first writer wins), so a comment posted here has the export key {@code id:<origin>:<id>}, which no
 * other service's comment can have: two services' exports restored into one keep both. The keyed-hash id tells a
 * restore whether this service's keyed hashes (bans, reporters' IPs) were made under the same secret as the file's; it
 * is an HMAC of a fixed text, from which the secret cannot be found.
 */
@ApplicationScoped
public class ExportOrigin {

    private static final String NAME = "export-origin";

    private final EntityManager entityManager;
    private final KeyedHashes keyedHashes;
    private volatile String origin;

    ExportOrigin(EntityManager entityManager, KeyedHashes keyedHashes) {
        this.entityManager = entityManager;
        this.keyedHashes = keyedHashes;
    }

    /** This database's origin: 16 hex characters, made on first use. */
    public String origin() {
        String known = origin;
        if (known == null) {
            byte[] random = new byte[8];
            new SecureRandom().nextBytes(random);
            String candidate = HexFormat.of().formatHex(random);
            known = InsertOnce.insertOrRead(this::stored, () -> entityManager
                    .createNativeQuery("insert into server_secret (name, secret) values (?1, ?2)")
                    .setParameter(1, NAME).setParameter(2, candidate).executeUpdate());
            if (known == null) {
                throw new IllegalStateException("the export origin could not be stored");
            }
            origin = known;
        }
        return known;
    }

    /** The id of the secret behind this service's keyed hashes. */
    public String keyedHashesId() {
        return keyedHashes.hex("export-key-id", "comment-service").substring(0, 16);
    }

    private String stored() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("select secret from server_secret where name = ?1")
                    .setParameter(1, NAME).getResultList();
            return rows.isEmpty() ? null : rows.get(0).toString();
        });
    }
}
