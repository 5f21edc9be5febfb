package news.comments;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: real time plus an offset a test may move forward (for rules that depend on age),
 * and must put back. Replaces the production clock, which is a default bean.
 */
@Singleton
public class TestClock extends Clock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    /** Runs {@code action} with the service's clock {@code ahead} in the future. */
    public static void runAhead(Duration ahead, Runnable action) {
        OFFSET.set(ahead);
        try {
            action.run();
        } finally {
            OFFSET.set(Duration.ZERO);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant now = Instant.now().plus(OFFSET.get());
        return now.minusNanos(now.getNano() % 1_000);
    }
}
