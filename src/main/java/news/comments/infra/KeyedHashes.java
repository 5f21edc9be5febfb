package news.comments.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HexFormat;
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

    private final ServerHmac hmac;

    KeyedHashes(InfraConfig config, EntityManager entityManager) {
        this.hmac = new ServerHmac("privacy-hmac", config.privacy().secret(), entityManager);
    }

    /** The keyed hash of an IP address, as lower-case hex. */
    public String ip(String ip) {
        return hex("ip", ip);
    }

    /** The keyed hash of an email address (compared lower-cased), as lower-case hex. */
    public String email(String email) {
        return hex("email", email.toLowerCase(Locale.ROOT));
    }

    /**
     * The keyed hash of a value for one {@code purpose}, as lower-case hex; each purpose names its own, so that
     * equal values of two purposes (an IP in reports and in the flood guard) hash apart.
     */
    public String hex(String purpose, String value) {
        return hmac.hex(purpose + ":" + value);
    }

    /**
     * A 256-bit key derived from a value a client holds, for one {@code purpose}: the same on every instance, and
     * not computable from the value without the secret (an encryption key for what the database must not read).
     */
    public byte[] derivedKey(String purpose, String value) {
        return HexFormat.of().parseHex(hex(purpose, value));
    }
}
