package news.comments.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Readers' own data: erasure, retention of IP and user agent, and data requests. The secret of the keyed hashes,
 * {@code comments.privacy.secret}, is declared by {@code infra/}, which uses it. {@code purge-every} is also read, by
 * name, by the scheduled clean-ups of {@code commenter/}, {@code outbox/} and {@code webhook/}.
 */
@ConfigMapping(prefix = "comments.privacy")
public interface PrivacyConfig {

    /**
     * What erasing an address does to its comments: {@code anonymize} (they stay, under "Deleted commenter",
     * with every personal field removed) or {@code delete} (they leave every public view and lose their text).
     */
    @WithDefault("anonymize")
    EraseMode eraseMode();

    /** After this long, a comment's IP address and user agent are removed. */
    @WithDefault("P30D")
    Duration ipRetention();

    /** How often the job that removes expired IP addresses and user agents runs. */
    @WithDefault("PT1H")
    Duration purgeEvery();

    /**
     * At most one data request ({@code POST /api/commenters/data-request}) per client IP per this long, since
     * each one mails an address; {@code PT0S} turns the limit off.
     */
    @WithDefault("PT1M")
    Duration dataRequestEvery();
}
