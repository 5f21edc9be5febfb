package news.comments.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** Admins' webhooks: which URLs are accepted, and how calls are made and retried ({@code comments.webhooks.*}). */
@ConfigMapping(prefix = "comments.webhooks")
public interface WebhookConfig {

    /** Accept {@code http://} endpoints too (tests, internal networks); otherwise only {@code https://}. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * How long one call may take, from connecting to the end of the answer, before it is cut off and counts as a
     * failed attempt.
     */
    @WithDefault("5s")
    Duration timeout();

    /** Webhook calls one instance makes at the same time, to all endpoints together. */
    @WithDefault("8")
    @Min(1)
    @Max(64)
    int parallelCalls();

    /**
     * Calls to one endpoint in flight at the same time (counted across instances), so that a slow or dead endpoint
     * holds at most this many of the {@code parallel-calls} and the others go on.
     */
    @WithDefault("2")
    @Min(1)
    @Max(64)
    int callsPerEndpoint();

    /** The wait before the second attempt at a call; each further wait doubles, up to {@code max-retry}. */
    @WithDefault("30s")
    Duration firstRetry();

    /** The longest wait between two attempts at a call. */
    @WithDefault("1h")
    Duration maxRetry();

    /**
     * After this many failed attempts a call is marked {@code FAILED}. With the defaults, 30 attempts span about
     * a day (about 1 h of doubling waits, then one an hour).
     */
    @WithDefault("30")
    @Min(1)
    int maxAttempts();
}
