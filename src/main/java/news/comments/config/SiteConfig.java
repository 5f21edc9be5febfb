package news.comments.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * Where the service and the news site live: read by every feature that builds a link or checks a page's address
 * (mail, exports, the posting form's {@code pageUrl}), so it sits here, left of them all. Each feature's own settings
 * sit beside it, one {@code @ConfigMapping} per package; docs/configuration.md lists every {@code comments.*} key, and
 * each can also be set as an environment variable ({@code comments.public-url} → {@code COMMENTS_PUBLIC_URL}).
 */
@ConfigMapping(prefix = "comments")
public interface SiteConfig {

    /**
     * The service's public address, such as {@code https://comments.news.example}: links in mail (unsubscribe, and
     * verification when the article's page is not known) are built from it.
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Cors cors();

    interface Cors {
        /**
         * Origins of the sites whose pages may call the public door from a browser (the reader embed on another
         * host), such as {@code https://news.example}: scheme, host and port, no path. Empty means only the service's
         * own origin. Quarkus's CORS filter reads it through {@code quarkus.http.cors.origins}.
         */
        Optional<List<String>> origins();
    }
}
