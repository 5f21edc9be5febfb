package news.comments.comment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import news.comments.article.ArticleIds;
import news.comments.web.Cursor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The public read path: each thread page as ready JSON bytes with a strong {@code ETag}, kept in the Caffeine cache
 * {@code threads} (size and lifetime: {@code quarkus.cache.caffeine."threads".*}). A page view that hits costs no
 * database work and no serialization.
 * <p>
 * A change to an article's public thread on this instance evicts all of that article's pages once its transaction
 * has committed. Caffeine drops a page that is still being loaded when it is evicted, so a page read from the
 * database before the commit is never kept. Other instances see the change when their copy expires.
 */
@ApplicationScoped
public class ThreadCache {

    static final String NAME = "threads";

    private final Cache cache;
    private final CommentService comments;
    private final ObjectMapper json;

    ThreadCache(@CacheName(NAME) Cache cache, CommentService comments, ObjectMapper json) {
        this.cache = cache;
        this.comments = comments;
        this.json = json;
    }

    /** Which page of which thread; {@code after} is the client's cursor as sent (checked before it gets here). */
    record Key(String articleId, String after, int limit) {
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
     * The page, from the cache or freshly read. Bad input fails here, before the cache, so that neither an error nor
     * a 400 is ever cached. Concurrent misses of one page wait for a single database read.
     */
    public Page page(String articleId, String after, int limit) {
        ArticleIds.require(articleId);
        Cursor.decode("after", after);
        String cursor = after == null || after.isEmpty() ? null : after;
        return cache.get(new Key(articleId, cursor, limit), key -> load(key)).await().indefinitely();
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
        if (change.touchesPublicThread()) {
            String articleId = change.articleId();
            cache.invalidateIf(key -> key instanceof Key page && page.articleId().equals(articleId))
                    .await().indefinitely();
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
