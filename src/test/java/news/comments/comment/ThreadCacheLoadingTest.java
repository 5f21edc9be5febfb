package news.comments.comment;

import com.fasterxml.jackson.databind.ObjectMapper;
import news.comments.web.Cursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the thread cache loads a page: once for many simultaneous readers, never keeping a page read before a change
 * committed, never keeping a failure. The database read is replaced by a counted, controllable one.
 */
class ThreadCacheLoadingTest {

    private static final String ARTICLE = "loading-article";

    private final ExecutorService readers = Executors.newFixedThreadPool(4);
    private final AtomicInteger reads = new AtomicInteger();
    private final CountDownLatch readStarted = new CountDownLatch(1);
    private final CountDownLatch releaseRead = new CountDownLatch(1);
    private volatile RuntimeException failure;

    /** Each read of the database returns a page whose total is the number of reads so far. */
    private final ThreadService database = new ThreadService(null) {
        @Override
        public CommentPage thread(String articleId, Cursor after, int limit) {
            int read = reads.incrementAndGet();
            readStarted.countDown();
            await(releaseRead);
            if (failure != null) {
                throw failure;
            }
            return new CommentPage(articleId, read, List.of(), null);
        }
    };

    private final ThreadCache threads = new ThreadCache(database, new ObjectMapper(),
            ThreadCache.newCache(1_000_000, Duration.ofMinutes(1)));

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    @Test
    void shouldReadTheDatabaseOnceForSimultaneousReadersOfOnePage() throws Exception {
        Future<ThreadCache.Page> first = readers.submit(() -> threads.page(ARTICLE, null, 50));
        assertTrue(readStarted.await(5, TimeUnit.SECONDS));
        Future<ThreadCache.Page> second = readers.submit(() -> threads.page(ARTICLE, null, 50));
        Future<ThreadCache.Page> third = readers.submit(() -> threads.page(ARTICLE, null, 50));
        // time for them to find the page being read; one that comes later gets the kept page, which passes too
        Thread.sleep(200);
        releaseRead.countDown();

        assertSame(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS));
        assertSame(first.get(), third.get(5, TimeUnit.SECONDS));
        assertEquals(1, reads.get());
        assertSame(first.get(), threads.page(ARTICLE, null, 50), "later readers get the kept page");
    }

    @Test
    void shouldNotKeepAPageThatWasBeingReadWhenItsArticleChanged() throws Exception {
        Future<ThreadCache.Page> early = readers.submit(() -> threads.page(ARTICLE, null, 50));
        assertTrue(readStarted.await(5, TimeUnit.SECONDS));
        threads.onChange(new CommentChanged(ARTICLE, 1, CommentStatus.PENDING, CommentStatus.APPROVED));
        releaseRead.countDown();
        early.get(5, TimeUnit.SECONDS);

        ThreadCache.Page after = threads.page(ARTICLE, null, 50);
        assertEquals(2, reads.get(), "the page read before the change was not kept");
        assertTrue(new String(after.json()).contains("\"total\":2"));
    }

    @Test
    void shouldKeepPagesOfOtherArticlesAndChangesOutsideThePublicThread() {
        releaseRead.countDown();
        ThreadCache.Page page = threads.page(ARTICLE, null, 50);
        threads.onChange(new CommentChanged("another-article", 2, CommentStatus.PENDING, CommentStatus.APPROVED));
        threads.onChange(new CommentChanged(ARTICLE, 3, CommentStatus.PENDING, CommentStatus.REJECTED));
        assertSame(page, threads.page(ARTICLE, null, 50));
        assertEquals(1, reads.get());
    }

    @Test
    void shouldFailEveryWaitingReaderAlikeAndKeepNoFailure() throws Exception {
        failure = new IllegalStateException("database unavailable");
        Future<ThreadCache.Page> first = readers.submit(() -> threads.page(ARTICLE, null, 50));
        assertTrue(readStarted.await(5, TimeUnit.SECONDS));
        Future<ThreadCache.Page> waiting = readers.submit(() -> threads.page(ARTICLE, null, 50));
        releaseRead.countDown();

        for (Future<ThreadCache.Page> reader : List.of(first, waiting)) {
            Exception e = assertThrows(Exception.class, () -> reader.get(5, TimeUnit.SECONDS));
            assertSame(failure, e.getCause(), "the waiting reader sees the same exception, not a wrapper");
        }
        failure = null;
        ThreadCache.Page recovered = threads.page(ARTICLE, null, 50);
        assertTrue(new String(recovered.json()).contains("\"total\":" + reads.get()));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
