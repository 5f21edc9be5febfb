package news.comments.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** Retries and retention of the mail the outbox delivers ({@code comments.outbox.*}). */
@ConfigMapping(prefix = "comments.outbox")
public interface OutboxConfig {

    /** The wait before the second attempt at a delivery; each further wait doubles, up to {@code max-retry}. */
    @WithDefault("30s")
    Duration firstRetry();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration maxRetry();

    /** After this many failed attempts a mail is marked {@code FAILED} and no longer retried. */
    @WithDefault("10")
    @Min(1)
    int maxAttempts();

    /**
     * How long a settled delivery (sent, or failed for good) is kept, with its attempts, for admins to see; then
     * it is deleted. Shorter than a day counts as a day: the hourly mail limit counts the last hour's sent mail.
     */
    @WithDefault("14d")
    Duration retention();
}
