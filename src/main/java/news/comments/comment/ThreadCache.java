package news.comments.comment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import news.comments.article.ArticleIds;
import news.comments.web.Cursor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The public read path: each thread page as ready JSON bytes with a strong {@code ETag}, kept in a Caffeine cache
 * bounded in bytes and lifetime ({@code comments.read.cache.*}). A page view that hits costs no database work and no
 * serialization.
 * <p>
 * The bound is in bytes, not pages, because a page's size is the reader's choice ({@code limit} up to 200, bodies up
 * to {@code comments.body.max-length}): a count bound let 1,000 requests for distinct 200-comment pages hold 130 MB,
 * more than the heap of the recommended JVM line. Quarkus' cache extension has no weigher, so this cache is built with
 * Caffeine itself (Quarkus' {@code quarkus-caffeine}), as the remembered logins are.
 * <p>
 * A change to an article's public thread on this instance evicts all of that article's pages once its transaction
 * has committed. A page still being loaded when its article is evicted is not kept, so a page read from the database
 * before the commit is never served from the cache afterwards. Other instances on PostgreSQL hear of the change
 * through {@link CommentChangeRelay} and drop their pages too; without it they show it when their copy expires.
 */
@ApplicationScoped
public class ThreadCache {

    /** What a page holds besides its JSON: key, tag, record and map entry (an estimate; keeps tiny pages bounded). */
    static final int PAGE_OVERHEAD_BYTES = 256;

    private final AsyncCache<Key, Page> cache;
    private final ThreadService comments;
    private final ObjectMapper json;

    @Inject
    ThreadCache(ThreadService comments, ObjectMapper json, CommentConfig config) {
        this(comments, json, newCache(config.read().cache().maxBytes().asLongValue(),
                config.read().cache().expireAfterWrite()));
    }

    ThreadCache(ThreadService comments, ObjectMapper json, AsyncCache<Key, Page> cache) {
        this.cache = cache;
        this.comments = comments;
        this.json = json;
    }

    static AsyncCache<Key, Page> newCache(long maxBytes, Duration lifetime) {
        return Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, Page page) -> weightOf(page))
                .expireAfterWrite(lifetime)
                .recordStats()
                .buildAsync();
    }

    /** Hits and misses of page look-ups so far, for the metrics (a miss loads the page once for all waiting). */
    public CacheStats stats() {
        return cache.synchronous().stats();
    }

    static int weightOf(Page page) {
        return page.json().length + PAGE_OVERHEAD_BYTES;
    }

    /** Which page of which thread; {@code after} is the decoded cursor, null for the first page. */
    record Key(String articleId, Cursor after, int limit) {
    }

    /** One page as sent: the JSON of a {@link CommentPage} and its strong entity tag, quoted. */
    public record Page(byte[] json, String etag) {

        /**
         * {@code If-None-Match} by the weak comparison RFC 9110 prescribes for it: {@code *}, or any listed tag
         * with or without {@code W/}.
         */
        public boolean matches(String ifNoneMatch) {
            if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
                return false;
            }
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(etag)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Page page && etag.equals(page.etag) && Arrays.equals(json, page.json);
        }

        @Override
        public int hashCode() {
            return etag.hashCode();
        }

        @Override
        public String toString() {
            return "Page[" + etag + ", " + json.length + " bytes]";
        }
    }

    /**
     * The page, from the cache or freshly read. A bad article id fails here (a bad cursor at the door), before the cache, so that neither an error nor
     * a 400 is ever cached. Concurrent misses of one page wait for a single database read.
     */
    public Page page(String articleId, Cursor after, int limit) {
        ArticleIds.require(articleId);
        return getOrLoad(new Key(articleId, after, limit));
    }

    /**
     * The first request for a page loads it on its own (worker) thread, inside its own transaction; requests for the
     * same page meanwhile wait for that load. A failed load is not kept and fails the waiters the same way.
     */
    private Page getOrLoad(Key key) {
        CompletableFuture<Page> existing = cache.getIfPresent(key);   // a hit, the common case: no lock, no new future
        if (existing == null) {
            CompletableFuture<Page> mine = new CompletableFuture<>();
            existing = cache.asMap().putIfAbsent(key, mine);
            if (existing == null) {
                return loadInto(mine, key);
            }
        }
        try {
            return existing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private Page loadInto(CompletableFuture<Page> mine, Key key) {
        try {
            Page page = load(key);
            mine.complete(page);
            return page;
        } catch (RuntimeException e) {
            cache.asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private Page load(Key key) {
        try {
            byte[] bytes = json.writeValueAsBytes(comments.thread(key.articleId(), key.after(), key.limit()));
            return new Page(bytes, etagOf(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a comment page could not be written as JSON", e);
        }
    }

    /** Runs after the commit (never for a rollback), on the instance that made the change. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentChanged change) {
        forget(change);
    }

    /** A change another instance committed (PostgreSQL, {@link CommentChangeRelay}). */
    void onChangeElsewhere(@Observes CommentChangedElsewhere relayed) {
        forget(relayed.change());
    }

    /** Drops every page: for an instance that may have missed changes. */
    void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    private void forget(CommentChanged change) {
        if (change.touchesPublicThread()) {
            String articleId = change.articleId();
            cache.asMap().keySet().removeIf(key -> key.articleId().equals(articleId));
        }
    }

    /** A strong tag from the bytes themselves: equal bytes, equal tag, on every instance. */
    static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
