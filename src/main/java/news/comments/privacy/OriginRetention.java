package news.comments.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.comment.CommentLifecycle;

import java.time.Clock;

/**
 * {@code comments.privacy.ip-retention}: every {@code comments.privacy.purge-every}, the IP address and user agent
 * of older comments are removed (the moderation view then shows null). A ban on an IP keeps its own copy, made when
 * the moderator chose to ban it, so IP bans keep working for new comments.
 */
@ApplicationScoped
class OriginRetention {

    private final CommentLifecycle lifecycle;
    private final PrivacyConfig config;
    private final Clock clock;

    OriginRetention(CommentLifecycle lifecycle, PrivacyConfig config, Clock clock) {
        this.lifecycle = lifecycle;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${comments.privacy.purge-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Answers how many comments lost their IP address and user agent. */
    int purge() {
        return lifecycle.forgetOriginsBefore(clock.instant().minus(config.ipRetention()));
    }
}
