package news.comments.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code comments.*} setting of the service, with its default. The table in docs/configuration.md mirrors this
 * interface; each key can also be set as an environment variable ({@code comments.body.max-length} →
 * {@code COMMENTS_BODY_MAX_LENGTH}).
 */
@ConfigMapping(prefix = "comments")
public interface CommentsConfig {

    Articles articles();

    Body body();

    Thread thread();

    Admin admin();

    Accounts accounts();

    Avatar avatar();

    Http http();

    Rules rules();

    Reports reports();

    Moderation moderation();

    Idempotency idempotency();

    Cors cors();

    Read read();

    Relay relay();

    /**
     * The service's public address, such as {@code https://comments.news.example}: links in mail (unsubscribe, and
     * verification when the article's page is not known) are built from it.
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Mail mail();

    Outbox outbox();

    Webhooks webhooks();

    Metrics metrics();

    Imports imports();

    LearnedFilter learnedFilter();

    interface Webhooks {
        /** Accept {@code http://} endpoints too (tests, internal networks); otherwise only {@code https://}. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * How long one call may take, from connecting to the end of the answer, before it is cut off and counts as a
         * failed attempt.
         */
        @WithDefault("5s")
        java.time.Duration timeout();

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
        java.time.Duration firstRetry();

        /** The longest wait between two attempts at a call. */
        @WithDefault("1h")
        java.time.Duration maxRetry();

        /**
         * After this many failed attempts a call is marked {@code FAILED}. With the defaults, 30 attempts span about
         * a day (about 1 h of doubling waits, then one an hour).
         */
        @WithDefault("30")
        @Min(1)
        int maxAttempts();
    }

    interface Metrics {
        /** How often the queue-depth gauges ({@code comments_queue_depth}) are counted again in the database. */
        @WithDefault("15s")
        java.time.Duration queueRefresh();
    }

    interface Imports {
        /** Largest import file accepted by {@code POST /api/admin/imports}, which alone lifts the body limit. */
        @WithDefault("4G")
        MemorySize maxBytes();

        /** Comments written per transaction during an import, so readers are served in between. */
        @WithDefault("500")
        @Min(1)
        @Max(10000)
        int batchSize();

        /** Folder of the uploaded files while their import runs; unset means the system's temporary folder. */
        Optional<String> tempDir();
    }

    Author author();

    Privacy privacy();

    /** What the author of a comment may do with it, holding its {@code editToken}. */
    interface Author {
        /**
         * How long after posting the author may edit their comment (ISO-8601 or {@code 15m}); {@code PT0S} turns
         * editing off. Deleting is allowed at any time.
         */
        @WithDefault("PT15M")
        java.time.Duration editWindow();
    }

    /** Readers' own data: erasure, retention of IP and user agent, and the keyed hashes of lookup keys. */
    interface Privacy {
        /**
         * What erasing an address does to its comments: {@code anonymize} (they stay, under "Deleted commenter",
         * with every personal field removed) or {@code delete} (they leave every public view and lose their text).
         */
        @WithDefault("anonymize")
        String eraseMode();

        /** After this long, a comment's IP address and user agent are removed. */
        @WithDefault("P30D")
        java.time.Duration ipRetention();

        /** How often the job that removes expired IP addresses and user agents runs. */
        @WithDefault("PT1H")
        java.time.Duration purgeEvery();

        /**
         * At most one data request ({@code POST /api/commenters/data-request}) per client IP per this long, since
         * each one mails an address; {@code PT0S} turns the limit off.
         */
        @WithDefault("PT1M")
        java.time.Duration dataRequestEvery();

        /**
         * Secret of the HMAC that keys reporters' IPs and banned addresses. Unset means one is generated on first
         * start and kept in the database, shared by every instance.
         */
        Optional<String> secret();
    }

    interface Mail {
        /** At most one verification mail per address per this long. */
        @WithDefault("10m")
        java.time.Duration verifyResend();

        /** How long a verification link works; unverified comments waiting longer are deleted. */
        @WithDefault("7d")
        java.time.Duration verifyTtl();

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

    interface Outbox {
        /** The wait before the second attempt at a delivery; each further wait doubles, up to {@code max-retry}. */
        @WithDefault("30s")
        java.time.Duration firstRetry();

        /** The longest wait between two attempts. */
        @WithDefault("1h")
        java.time.Duration maxRetry();

        /** After this many failed attempts a mail is marked {@code FAILED} and no longer retried. */
        @WithDefault("10")
        @Min(1)
        int maxAttempts();

        /**
         * How long a settled delivery (sent, or failed for good) is kept, with its attempts, for admins to see; then
         * it is deleted. Shorter than a day counts as a day: the hourly mail limit counts the last hour's sent mail.
         */
        @WithDefault("14d")
        java.time.Duration retention();
    }

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

    interface Accounts {
        /**
         * How long this instance remembers that a moderator's password matched, so that their next requests skip
         * the bcrypt check (about 90 ms of CPU each). The account itself is read on every request. 0 = always check.
         */
        @WithDefault("5m")
        java.time.Duration verifiedLoginTtl();
    }

    /**
     * The auto-moderation rules' first values. They seed the settings document ({@code /api/admin/settings}) on the
     * first start; from then on the document in the database is what counts, and admins change it at run time.
     */
    interface Rules {
        /** More URLs than this in the body hold the comment. */
        @WithDefault("2")
        int maxLinks();

        /** Words or phrases that hold a comment when found in any of its fields. */
        Optional<List<String>> holdWords();

        /** Words or phrases that make a comment spam. */
        Optional<List<String>> blockWords();

        /** Addresses, or {@code @domain} for a whole domain, whose comments are spam. */
        Optional<List<String>> blockEmails();

        /** IP addresses or CIDR ranges whose comments are spam. */
        Optional<List<String>> blockIps();

        /** In PRE mode, approve at once an author with an approved comment and none marked spam. */
        @WithDefault("true")
        boolean trustReturningCommenters();

        /** Seconds between two comments from one IP or one email; 0 switches the rule off. */
        @WithDefault("15")
        int floodSeconds();

        /** Name of the hidden form field that people never fill; a value in it makes the comment spam. */
        @WithDefault("website2")
        String honeypotField();

        /** Close comments on articles older than this many days; 0 means never. */
        @WithDefault("0")
        int closeAfterDays();
    }

    interface Reports {
        /** Open reports that send an approved comment back to PENDING until a moderator decides. */
        @WithDefault("3")
        int hideThreshold();

        /** Reports one IP may file per hour. */
        @WithDefault("20")
        @Min(1)
        int maxPerHourPerIp();
    }

    interface Moderation {
        /** Mode of new articles: PRE (held until approved) or POST (public at once unless a rule holds it). */
        @WithDefault("PRE")
        String defaultMode();
    }

    /**
     * The learned spam filter (docs/auto-moderation.md, "Learned filter"). The first four keys seed the settings
     * document's {@code learnedFilter} part on the first start; from then on admins change it at run time.
     */
    interface LearnedFilter {
        /** Score each new comment and let the {@code learned-filter} rule act on the score. */
        @WithDefault("true")
        boolean enabled();

        /** A spam probability at or above this holds the comment for a moderator (in POST mode too). */
        @WithDefault("0.9")
        double holdAbove();

        /** A spam probability at or above this makes the comment spam. */
        @WithDefault("0.99")
        double spamAbove();

        /** The rule acts only once the filter has learned at least this many decisions of each class. */
        @WithDefault("50")
        int minTraining();

        /**
         * Most tokens the model keeps. Above it, the tokens seen least often are pruned until 90% of the bound
         * remain; checked by the learner every 10 seconds at most, and after a retrain.
         */
        @WithDefault("200000")
        @Min(1000)
        int maxTokens();
    }

    interface Relay {
        /**
         * On PostgreSQL, instances tell each other of every committed change (LISTEN/NOTIFY on channel
         * {@code comments_changed}): their thread caches drop the article's pages and their moderators' live streams
         * show the change, within milliseconds instead of the cache lifetime. Ignored on H2 (one instance per file).
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface Idempotency {
        /** How long the first answer to an {@code Idempotency-Key} is kept for retries. */
        @WithDefault("24h")
        java.time.Duration ttl();
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

        /**
         * A request that waited longer than this for a worker thread is answered at once with 503
         * {@code /problems/overloaded} and {@code Retry-After}, instead of being worked on for a caller that has
         * likely given up. Twice H2's pool acquisition timeout, far above a warm instance's p99 (under 0.2 s).
         */
        @WithDefault("10s")
        java.time.Duration queueTimeout();
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

    interface Avatar {
        /**
         * Secret of the HMAC behind {@code avatarKey}. Unset means one is generated on first start and kept in the
         * database, so that every instance and every restart draws the same avatars.
         */
        Optional<String> secret();
    }

    interface Cors {
        /**
         * Origins of the sites whose pages may call the public door from a browser (the reader embed on another
         * host), such as {@code https://news.example}: scheme, host and port, no path. Empty means only the service's
         * own origin. Quarkus's CORS filter reads it through {@code quarkus.http.cors.origins}.
         */
        Optional<List<String>> origins();
    }
}
