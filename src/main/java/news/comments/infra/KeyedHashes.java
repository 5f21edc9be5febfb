package news.comments.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.comments.config.CommentsConfig;

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

    KeyedHashes(CommentsConfig config, EntityManager entityManager) {
        this.hmac = new ServerHmac("privacy-hmac", config.privacy().secret(), entityManager);
    }

    /** The keyed hash of an IP address, as lower-case hex. */
    public String ip(String ip) {
        return hmac.hex("ip:" + ip);
    }

    /** The keyed hash of an email address (compared lower-cased), as lower-case hex. */
    public String email(String email) {
        return hmac.hex("email:" + email.toLowerCase(Locale.ROOT));
    }
}
