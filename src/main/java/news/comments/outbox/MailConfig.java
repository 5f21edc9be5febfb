package news.comments.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * Mail to readers ({@code comments.mail.*}): how the outbox sends it, and how often and how long verification mail
 * works. {@code commenter/} and {@code comment/} read the verification keys too; the group sits here, with the
 * leftmost of its readers.
 */
@ConfigMapping(prefix = "comments.mail")
public interface MailConfig {

    /** At most one verification mail per address per this long. */
    @WithDefault("10m")
    Duration verifyResend();

    /** How long a verification link works; unverified comments waiting longer are deleted. */
    @WithDefault("7d")
    Duration verifyTtl();

    /**
     * When true, a comment from an unverified address waits (status {@code UNVERIFIED}, not in the queue) until
     * its address is verified, then enters the normal flow, auto-moderation included.
     */
    @WithDefault("false")
    boolean requireVerification();

    /** At most this many mails to one address per hour; the rest wait for the next hour. */
    @WithDefault("10")
    @Min(1)
    int maxPerHour();

    /**
     * SMTP conversations one instance holds at the same time: a burst of new commenters' verification mail goes
     * out this many at a time, and one slow conversation does not hold up the rest.
     */
    @WithDefault("4")
    @Min(1)
    @Max(32)
    int parallelSends();
}
