package news.comments.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import news.comments.comment.Actor;
import news.comments.comment.Comment;
import news.comments.comment.CommentChanged;
import news.comments.comment.CommentRepository;
import news.comments.comment.CommentStatus;
import news.comments.comment.HistoryEntry;
import news.comments.comment.PostRefused;
import news.comments.comment.ThreadCache;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The comment service's own Prometheus metrics (docs/metrics.md), counted in memory from the events the service
 * already fires, so posting pays no query for them: posts by outcome and refusals by reason, decisions by action and
 * by who, the time from posting to a moderator's first decision, and the thread cache's hits. The queue's depth is
 * {@link QueueDepth}'s; outbox deliveries and rule hits are counted where they happen.
 */
@Startup
@ApplicationScoped
class CommentMetrics {

    private final MeterRegistry registry;
    private final CommentRepository comments;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final Timer firstDecision;

    CommentMetrics(MeterRegistry registry, CommentRepository comments, TransactionSynchronizationRegistry transactions,
                   ThreadCache threadCache, Clock clock) {
        this.registry = registry;
        this.comments = comments;
        this.transactions = transactions;
        this.clock = clock;
        this.firstDecision = Timer.builder("comments.first.decision")
                .description("Time from posting to the first decision of a moderator")
                .serviceLevelObjectives(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                        Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12), Duration.ofDays(1),
                        Duration.ofDays(3))
                .register(registry);
        FunctionCounter.builder("comments.thread.cache.requests", threadCache, cache -> cache.stats().hitCount())
                .tag("result", "hit").description("Thread page look-ups answered from the cache").register(registry);
        FunctionCounter.builder("comments.thread.cache.requests", threadCache, cache -> cache.stats().missCount())
                .tag("result", "miss").description("Thread page look-ups that went to the database")
                .register(registry);
        Gauge.builder("comments.thread.cache.hit.ratio", threadCache, cache -> cache.stats().hitRate())
                .description("Share of thread page look-ups answered from the cache since start").register(registry);
        for (String outcome : new String[]{"published", "held", "spam", "unverified"}) {
            posted(outcome);
        }
    }

    /**
     * Counts posts and decisions once they are committed: a decision is a moderator's (single or bulk) or the report
     * threshold's hold; an author's edit or deletion, an erasure (even an admin's), an import, a release after
     * verification and a discard are not.
     */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentChanged change) {
        if (change.kind() == null) {
            return;
        }
        switch (change.kind()) {
            case POSTED -> posted(outcome(change.to())).increment();
            case DECIDED, HELD_FOR_REPORTS -> Counter.builder("comments.decisions")
                    .description("Changes of status by a moderator or the system")
                    .tag("action", action(change.to()))
                    .tag("by", change.by().kind().name().toLowerCase(Locale.ROOT)).register(registry).increment();
            default -> {
            }
        }
    }

    /**
     * A moderator's first decision on a comment: its age is measured inside the transaction, where the comment is
     * at hand, and recorded only if the transaction commits.
     */
    void onDecision(@Observes CommentChanged change) {
        if (change.kind() != CommentChanged.Kind.DECIDED || change.by().kind() != Actor.Kind.MODERATOR) {
            return;
        }
        Comment comment = comments.findById(change.commentId());
        if (comment == null) {
            return;
        }
        // an author's edit, an erasure by an admin or an import's history is no decision
        long moderatorDecisions = comment.history().stream().map(HistoryEntry::actorKind)
                .filter(kind -> kind == Actor.Kind.MODERATOR).count();
        if (moderatorDecisions != 1) {
            return;
        }
        Duration age = Duration.between(comment.createdAt(), clock.instant());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    firstDecision.record(age.isNegative() ? Duration.ZERO : age);
                }
            }
        });
    }

    void onRefused(@Observes PostRefused refusal) {
        posted("refused").increment();
        Counter.builder("comments.refused").description("Posts refused before anything was stored, by reason")
                .tag("reason", refusal.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry).increment();
    }

    private Counter posted(String outcome) {
        return Counter.builder("comments.posted").description("Comments posted, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private static String outcome(CommentStatus status) {
        return switch (status) {
            case APPROVED -> "published";
            case SPAM -> "spam";
            case UNVERIFIED -> "unverified";
            default -> "held";
        };
    }

    private static String action(CommentStatus to) {
        return switch (to) {
            case APPROVED -> "approve";
            case REJECTED -> "reject";
            case SPAM -> "spam";
            case PENDING -> "hold";
            case DELETED -> "delete";
            case UNVERIFIED -> "unverify";
        };
    }
}
