package news.comments.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Metrics ({@code comments.metrics.*}). {@link QueueDepth}'s schedule reads the key by name; the mapping gives it
 * its default, its check at start-up and its line in docs/configuration.md.
 */
@ConfigMapping(prefix = "comments.metrics")
public interface MetricsConfig {

    /** How often the queue-depth gauges ({@code comments_queue_depth}) are counted again in the database. */
    @WithDefault("15s")
    Duration queueRefresh();
}
