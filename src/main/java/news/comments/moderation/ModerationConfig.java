package news.comments.moderation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import news.comments.article.ModerationMode;

/**
 * Moderation ({@code comments.moderation.*}). The default mode seeds the settings document's
 * {@code defaultModeration} on the first start, so {@code settings/} reads it. An enum, so a value
 * other than {@code PRE} or {@code POST} stops the service at start, naming the key and the allowed values.
 */
@ConfigMapping(prefix = "comments.moderation")
public interface ModerationConfig {

    /** Mode of new articles: PRE (held until approved) or POST (public at once unless a rule holds it). */
    @WithDefault("PRE")
    ModerationMode defaultMode();
}
