package news.comments.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The plumbing's settings: the change relay, and the secret of the keyed hashes. That secret keeps its documented
 * name {@code comments.privacy.secret}, but {@link KeyedHashes} here is its one reader, and every feature left of
 * {@code privacy/} uses the hashes, so the key is declared here; the rest of {@code comments.privacy.*} sits with
 * {@code privacy/}.
 */
@ConfigMapping(prefix = "comments")
public interface InfraConfig {

    Relay relay();

    Privacy privacy();

    interface Relay {
        /**
         * On PostgreSQL, instances tell each other of every committed change (LISTEN/NOTIFY on channel
         * {@code comments_changed}): their thread caches drop the article's pages and their moderators' live streams
         * show the change, within milliseconds instead of the cache lifetime. Ignored on H2 (one instance per file).
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface Privacy {
        /**
         * Secret of the HMAC that keys reporters' IPs and banned addresses. Unset means one is generated on first
         * start and kept in the database, shared by every instance.
         */
        Optional<String> secret();
    }
}
