package news.comments.comment;

import com.github.benmanes.caffeine.cache.AsyncCache;
import org.junit.jupiter.api.Test;

import news.comments.web.Cursor;

import java.time.Duration;

import static java.util.concurrent.CompletableFuture.completedFuture;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The thread cache is bounded by the bytes its pages hold, not by how many pages readers ask for. */
class ThreadCacheBoundsTest {

    private static final byte[] PAGE_OF_200_COMMENTS = new byte[134_433];
    private static final int WEIGHT = PAGE_OF_200_COMMENTS.length + ThreadCache.PAGE_OVERHEAD_BYTES;

    @Test
    void shouldKeepPagesUpToExactlyTheBudget() {
        assertEquals(7, pagesKeptAfterAsking(50, 7L * WEIGHT, PAGE_OF_200_COMMENTS));
    }

    @Test
    void shouldKeepOnePageFewerOneByteBelowTheBudget() {
        assertEquals(6, pagesKeptAfterAsking(50, 7L * WEIGHT - 1, PAGE_OF_200_COMMENTS));
    }

    @Test
    void shouldBoundEvenEmptyPagesByTheirOverhead() {
        assertEquals(10, pagesKeptAfterAsking(1_000, 10L * ThreadCache.PAGE_OVERHEAD_BYTES, new byte[0]));
    }

    @Test
    void shouldKeepNothingWithABudgetOfZero() {
        assertEquals(0, pagesKeptAfterAsking(5, 0, new byte[10]));
    }

    /** Asks for {@code pages} distinct pages of one size, as readers paging with distinct cursors would. */
    private static long pagesKeptAfterAsking(int pages, long budget, byte[] json) {
        AsyncCache<ThreadCache.Key, ThreadCache.Page> cache = ThreadCache.newCache(budget, Duration.ofMinutes(1));
        for (int i = 0; i < pages; i++) {
            cache.put(new ThreadCache.Key("article-" + i, new Cursor(i, i), 200),
                    completedFuture(new ThreadCache.Page(json, "\"tag-" + i + "\"")));
        }
        cache.synchronous().cleanUp();
        long held = cache.synchronous().asMap().values().stream().mapToLong(ThreadCache::weightOf).sum();
        assertEquals(cache.synchronous().estimatedSize() * (json.length + ThreadCache.PAGE_OVERHEAD_BYTES), held);
        return cache.synchronous().estimatedSize();
    }
}
