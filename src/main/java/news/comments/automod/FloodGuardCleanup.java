package news.comments.automod;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** Drops flood-guard rows older than the longest window the settings allow (a day). Harmless on every instance. */
@ApplicationScoped
public class FloodGuardCleanup {

    private final FloodGuard guard;
    private final Clock clock;

    FloodGuardCleanup(FloodGuard guard, Clock clock) {
        this.guard = guard;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldRows() {
        guard.forgetBefore(clock.instant().minus(FloodGuard.LONGEST));
    }
}
