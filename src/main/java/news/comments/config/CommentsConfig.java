package news.comments.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.Optional;

/**
 * Every {@code comments.*} setting of the service, with its default. The README's configuration table mirrors this
 * interface; each key can also be set as an environment variable ({@code comments.body.max-length} →
 * {@code COMMENTS_BODY_MAX_LENGTH}).
 */
@ConfigMapping(prefix = "comments")
public interface CommentsConfig {

    Articles articles();

    Body body();

    Thread thread();

    Admin admin();

    Avatar avatar();

    Http http();

    Read read();

    interface Articles {
        /** Create an unknown article on its first comment; when false, posting to it answers 404. */
        @WithDefault("true")
        boolean autoCreate();
    }

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

    interface Admin {
        /** Password of the {@code admin} account created on first start; unset means a random one is logged once. */
        Optional<String> password();
    }

    interface Http {
        /**
         * Largest request body, in bytes, answered with a 413 problem when exceeded. Vert.x's own hard limit
         * ({@code quarkus.http.limits.max-body-size}, 1M here) stays above it as a safety net.
         */
        @WithDefault("65536")
        @Min(1024)
        int maxBodyBytes();

        /**
         * An absolute folder served as static files at {@code /static/}; unset (the default) serves none. Meant
         * for the benchmarks in {@code bench/}, which compare a thread page with the same bytes as a file.
         */
        Optional<String> staticDir();
    }

    interface Read {
        /**
         * Seconds a browser or CDN may reuse a thread page ({@code Cache-Control: public, max-age=N}); 0 makes them
         * ask again each time (they still get a cheap 304 with {@code If-None-Match}). A reader may see a decision
         * this much later, plus the in-process cache's lifetime on other instances
         * ({@code quarkus.cache.caffeine."threads".expire-after-write}).
         */
        @WithDefault("5")
        @Min(0)
        @Max(86400)
        int maxAgeSeconds();
    }

    interface Avatar {
        /**
         * Secret of the HMAC behind {@code avatarKey}. Unset means one is generated on first start and kept in the
         * database, so that every instance and every restart draws the same avatars.
         */
        Optional<String> secret();
    }
}
