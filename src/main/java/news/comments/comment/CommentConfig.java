package news.comments.comment;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Optional;

/**
 * A comment's own settings: the form's bounds, the public read path, the author's edit window, idempotent posting
 * and avatars. Only this package reads them, so the one mapping covers several {@code comments.*} groups.
 */
@ConfigMapping(prefix = "comments")
public interface CommentConfig {

    Body body();

    Thread thread();

    Read read();

    Author author();

    Idempotency idempotency();

    Avatar avatar();

    interface Body {
        /** Longest comment body accepted, in characters (Unicode code points). */
        @WithDefault("5000")
        @Min(1)
        @Max(20000)
        int maxLength();
    }

    interface Thread {
        /** How many levels a thread may nest: 1 allows no replies, 5 allows a reply to a reply … four times. */
        @WithDefault("5")
        @Min(1)
        @Max(50)
        int maxDepth();
    }

    interface Read {
        /**
         * Seconds a browser or CDN may reuse a thread page ({@code Cache-Control: public, max-age=N}); 0 makes them
         * ask again each time (they still get a cheap 304 with {@code If-None-Match}). A reader may see a decision
         * this much later, plus the in-process cache's lifetime on other instances
         * ({@code comments.read.cache.expire-after-write}).
         */
        @WithDefault("5")
        @Min(0)
        @Max(86400)
        int maxAgeSeconds();

        /** The in-process cache of ready thread pages ({@code comment/ThreadCache}). */
        ReadCache cache();
    }

    interface ReadCache {
        /**
         * Most memory the cached pages of this instance may hold: their JSON bytes plus 256 bytes each. 32M holds
         * about 240 pages of 200 comments or 900 of 50 (the default page); 0 turns the cache off.
         */
        @WithDefault("32M")
        MemorySize maxBytes();

        /**
         * How long a page is kept: how late another instance shows a change made here when it cannot hear it through
         * the change relay ({@code comments.relay.enabled}, PostgreSQL only).
         */
        @WithDefault("5S")
        Duration expireAfterWrite();
    }

    /** What the author of a comment may do with it, holding its {@code editToken}. */
    interface Author {
        /**
         * How long after posting the author may edit their comment (ISO-8601 or {@code 15m}); {@code PT0S} turns
         * editing off. Deleting is allowed at any time.
         */
        @WithDefault("PT15M")
        Duration editWindow();
    }

    interface Idempotency {
        /** How long the first answer to an {@code Idempotency-Key} is kept for retries. */
        @WithDefault("24h")
        Duration ttl();
    }

    interface Avatar {
        /**
         * Secret of the HMAC behind {@code avatarKey}. Unset means one is generated on first start and kept in the
         * database, so that every instance and every restart draws the same avatars.
         */
        Optional<String> secret();
    }
}
