package news.comments.outbox;

import java.time.Duration;

/** A channel's retries: the first wait, doubling up to {@code maxRetry}, until {@code maxAttempts} attempts failed. */
public record RetryPolicy(Duration firstRetry, Duration maxRetry, int maxAttempts) {

    /** The wait after the {@code attempts}-th failure: first-retry, doubling, at most max-retry. */
    public Duration backoff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
