package news.comments.filter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import news.comments.comment.Comment;
import news.comments.comment.CommentChanged;
import news.comments.infra.Background;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Teaches the model from moderators' decisions. A decision queues its comment in the decision's own transaction
 * ({@code filter_queue}, so none is lost), and a learner thread learns the queue in batches after commit: woken by
 * this instance's commits, and every few seconds for what another instance queued and could not learn. A bulk
 * decision of 200 comments is one or a few batches, learned while the moderator already sees the answer. Between
 * batches the learner also keeps the model within its bound.
 *
 * <p>What the model learned from a comment always follows what moderators decided of its current text: approved is
 * ham, spam is spam, anything else (rejected, hidden again by readers' reports, deleted by its author) is neither,
 * and so is a text its author edited after the decision (the moderator did not judge that text). A reversed decision
 * therefore moves the example to the other class, and a repeated one changes nothing; {@code retrain} applies the
 * same rule to every comment, so both paths give the same counts. Comments no moderator decided (the rules' own
 * verdicts) teach nothing; an import with {@code train=true} counts the old site's decisions as moderators' ones.
 */
@ApplicationScoped
class FilterTrainer {

    private static final Logger LOG = Logger.getLogger(FilterTrainer.class);
    /** Comments learned per transaction at most. */
    static final int BATCH = 200;
    /**
     * After a wake-up the learner waits until no decision came for this long, so that the comments of a bulk decision
     * are learned together once it is over, and learning does not compete with the bulk request for the CPU...
     */
    private static final long QUIET_MILLIS = 100;
    /** ...but no longer than this, so that a steady stream of decisions (an import that trains) is learned too. */
    private static final long GATHER_AT_MOST_MILLIS = 3_000;
    /** How often the queue is looked at without a wake-up: decisions of an instance that stopped before learning. */
    private static final long SWEEP_MILLIS = 5_000;
    /**
     * How often, at most, the learner checks the model against its bound, between batches. The learner prunes, not a
     * job beside it: a job waits for the model's lock between the learner's batches, and an import that trains adds
     * rare tokens several times faster than such a job deleted them (the model passed a million tokens).
     */
    private static final long PRUNE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final SpamModel model;
    private final EntityManager entityManager;
    private final LearnedFilterConfig config;
    private final Clock clock;
    private final Timer training;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread learner;
    private long prunedAt = System.nanoTime() - PRUNE_EVERY_NANOS;

    FilterTrainer(SpamModel model, EntityManager entityManager, LearnedFilterConfig config, Clock clock,
                  MeterRegistry metrics) {
        this.model = model;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        this.training = FilterTimers.timer(metrics, "comments.filter.training",
                "Time to learn a batch of queued decisions (up to 200 comments), in a transaction of its own");
    }

    /** Inside the change's transaction: a decision to learn from waits in the queue if and only if it commits. */
    void onChange(@Observes CommentChanged change) {
        if (teaches(change)) {
            model.enqueue(change.commentId(), clock.instant());
        }
    }

    /** After the commit: the learner need not wait for its next sweep. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentChanged change) {
        if (teaches(change)) {
            wakeUps.release();
        }
    }

    /**
     * A change made here (a relayed one has no {@code by}) that can change what a moderator decided of a comment's
     * text, or an imported comment whose file's decision counts as a moderator's ({@code train=true}). New, released
     * and discarded comments were decided by no moderator.
     */
    private static boolean teaches(CommentChanged change) {
        if (change.by() == null) {
            return false;
        }
        return switch (change.kind()) {
            case DECIDED, HELD_FOR_REPORTS, EDITED, DELETED_BY_AUTHOR, ERASED -> true;
            case IMPORTED -> change.trains();
            case POSTED, RELEASED, DISCARDED -> false;
        };
    }

    void start(@Observes StartupEvent event) {
        Thread thread = new Thread(this::learnUntilStopped, "filter-learner");
        thread.setDaemon(true);
        learner = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        Thread thread = learner;
        learner = null;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void learnUntilStopped() {
        Thread self = Thread.currentThread();
        while (learner == self) {
            try {
                if (wakeUps.tryAcquire(SWEEP_MILLIS, TimeUnit.MILLISECONDS)) {
                    awaitQuiet();
                }
                boolean more;
                do {
                    more = learnQueued() == BATCH;
                    pruneWhenDue();
                } while (more);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the decisions stay queued and are learned at the next round
                LOG.warnf(e, "the learned filter could not learn its queued decisions");
                if (!pause()) {
                    return;
                }
            }
        }
    }

    /** Waits until decisions stopped coming for {@link #QUIET_MILLIS}, or {@link #GATHER_AT_MOST_MILLIS} passed. */
    private void awaitQuiet() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GATHER_AT_MOST_MILLIS);
        do {
            wakeUps.drainPermits();
            Thread.sleep(QUIET_MILLIS);
        } while (wakeUps.availablePermits() > 0 && System.nanoTime() < until);
        wakeUps.drainPermits();
    }

    /** Keeps the model within {@code comments.learned-filter.max-tokens}; below it, a check is one count. */
    private void pruneWhenDue() {
        if (System.nanoTime() - prunedAt >= PRUNE_EVERY_NANOS) {
            model.prune(config.maxTokens());
            prunedAt = System.nanoTime();
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(SWEEP_MILLIS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Learns the oldest queued comments, in a transaction of its own; answers how many were taken off the queue. */
    int learnQueued() {
        Timer.Sample sample = Timer.start();
        int learned = QuarkusTransaction.requiringNew().call(() -> {
            List<SpamModel.Queued> queued = model.queued(BATCH);
            if (queued.isEmpty()) {
                return 0;
            }
            model.learnAll(examplesOf(queued.stream().map(SpamModel.Queued::commentId).toList()), clock.instant());
            model.dequeue(queued);
            return queued.size();
        });
        if (learned > 0) {
            sample.stop(training);
        }
        return learned;
    }

    /** Makes the model's examples of these comments match what moderators decided; inside the caller's transaction. */
    int learnFrom(List<Long> commentIds) {
        return model.learnAll(examplesOf(commentIds), clock.instant());
    }

    /** What each comment teaches now; a comment that no longer exists teaches nothing. */
    private List<SpamModel.Example> examplesOf(List<Long> commentIds) {
        @SuppressWarnings("unchecked")
        Stream<Comment> rows = entityManager.createNativeQuery(Background.SQL + "select * from comment "
                + "where id in (:ids)", Comment.class).setParameter("ids", commentIds).getResultStream();
        Map<Long, Comment> found = rows.collect(Collectors.toMap(Comment::id, Function.identity()));
        List<SpamModel.Example> examples = new ArrayList<>(commentIds.size());
        for (long id : commentIds) {
            Comment comment = found.get(id);
            Label label = comment == null ? null : decided(comment);
            examples.add(new SpamModel.Example(id, label, label == null ? List.of()
                    : SpamTokens.of(comment.authorName(), comment.authorEmail(), comment.authorUrl(), comment.body())));
        }
        return examples;
    }

    /** The class moderators gave this text, or null: not decided by one, or edited by its author since. */
    static Label decided(Comment comment) {
        if (comment.moderatedBy() == null) {
            return null;
        }
        if (comment.editedAt() != null && (comment.moderatedAt() == null
                || comment.editedAt().isAfter(comment.moderatedAt()))) {
            return null;
        }
        return Label.of(comment.status());
    }
}
