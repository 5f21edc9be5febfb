package news.comments.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import news.comments.infra.DatabaseKind;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the outbox after commit, outside any database transaction. A row is claimed in a short transaction of its
 * own: locked ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so two instances never take the same row; H2 has one
 * instance per file, and no lock), its attempt counted and leased ({@code lease_until}, and {@code next_attempt_at}
 * the same time), committed. The channel then delivers it without a transaction or a lock, and a second short transaction records the
 * attempt ({@code outbox_attempt}) and settles the row: sent, or retried later with the channel's doubling wait until
 * its maximum of attempts, then failed. That update holds only while the row is still this claim's (same attempt
 * count, still waiting): when the lease ran out first, or the webhook was deleted meanwhile, the result is only
 * recorded. An instance that dies mid-delivery leaves the lease to run out, and the row is delivered again: at least
 * once, with the same {@code webhook-id}. A live instance never leaves a lease to run out: whatever the delivery
 * threw, its result is recorded, and a result the database did not take (no connection in a burst, a lock, a commit
 * that failed) is recorded again each round until it is, so a mail that went out is never pushed back to the lease's
 * end (issue 26: a new commenter waited five minutes for a confirmation link).
 * <p>
 * Each channel has delivery threads of its own ({@link OutboxChannel#parallelism()}), so slow webhooks never delay
 * mail. A channel with receivers (webhooks) shares its threads among them: at most
 * {@link OutboxChannel#perReceiver()} rows of one receiver in flight (leased rows, counted in the database, so across
 * instances), each receiver's oldest due rows read in one query, taken starting with a different receiver each round:
 * a dead endpoint holds a few threads until its timeouts while the other endpoints' calls go on. Claims run on one
 * thread; they happen every second, and at once whenever a delivery ends.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final int ERROR_MAX = 1000;
    private static final String COLUMNS = "select id, channel, recipient, recipient_key, subject, body_text, "
            + "body_html, headers, attempts, webhook_id, event_id from outbox ";

    private final EntityManager entityManager;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final DatabaseKind database;
    private final List<Lane> lanes = new ArrayList<>();
    private final ExecutorService claims = Executors.newSingleThreadExecutor(daemon("outbox-claims"));
    private volatile boolean stopped;
    /** Whether the previous run's leases were released (H2); read and written on the claims thread only. */
    private boolean leftoversReleased;

    /** One channel's deliveries on this instance: its threads and how many of them are busy. */
    private static final class Lane {
        final OutboxChannel channel;
        final ExecutorService calls;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicBoolean claimQueued = new AtomicBoolean();
        /** Results of deliveries the database has not taken yet, recorded again at the start of each round. */
        final Queue<Result> unrecorded = new ConcurrentLinkedQueue<>();
        /** Where the next round starts among the receivers, so none is always served last. */
        int rotation;

        Lane(OutboxChannel channel) {
            this.channel = channel;
            this.calls = Executors.newFixedThreadPool(channel.parallelism(), daemon("outbox-" + channel.name()));
        }
    }

    /**
     * What one claim did: the rows now this instance's to deliver, and whether it moved any row (leased it, or set a
     * mail's wait), so that another round may find more.
     */
    private record Claim(List<OutboxRow> rows, boolean moved) {
    }

    /** What one delivery of a leased row did, to record: its attempt and the row's new state. */
    private record Result(OutboxRow row, Instant started, Integer statusCode, String error, int millis) {
    }

    OutboxSender(EntityManager entityManager, Instance<OutboxChannel> channels, MeterRegistry metrics, Clock clock,
                 DatabaseKind database) {
        this.entityManager = entityManager;
        this.metrics = metrics;
        this.clock = clock;
        this.database = database;
        channels.forEach(channel -> lanes.add(new Lane(channel)));
    }

    /**
     * H2 is one instance per database, so leases left by the previous run of this instance belong to nobody: due at
     * once instead of when they end. On PostgreSQL another instance may hold them, so they run out. This runs on the
     * claims thread before its first claim, not in a start-up observer: the HTTP server takes posts before start-up
     * observers have run, and a lease this run had taken would be undone while its delivery was under way.
     */
    private void releaseLeftoverLeases() {
        if (leftoversReleased || database.isPostgres()) {
            leftoversReleased = true;
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("update outbox "
                        + "set next_attempt_at = ?1, lease_until = null where lease_until is not null")
                .setParameter(1, clock.instant()).executeUpdate());
        leftoversReleased = true;
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        lanes.forEach(this::wake);
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        claims.shutdownNow();
        lanes.forEach(lane -> lane.calls.shutdownNow());
    }

    /** Queues a claim round for the lane, unless one is queued already. */
    private void wake(Lane lane) {
        if (lane.claimQueued.compareAndSet(false, true)) {
            try {
                claims.execute(() -> {
                    lane.claimQueued.set(false);
                    fill(lane);
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                lane.claimQueued.set(false);
            }
        }
    }

    /** Claims due rows while the lane has free threads, and hands each to one of them. */
    private void fill(Lane lane) {
        try {
            releaseLeftoverLeases();
            recordAgain(lane);
            while (!stopped) {
                int free = lane.channel.parallelism() - lane.inFlight.get();
                if (free <= 0) {
                    return;
                }
                Claim claim = claim(lane, free);
                for (OutboxRow row : claim.rows()) {
                    lane.inFlight.incrementAndGet();
                    lane.calls.execute(() -> {
                        try {
                            deliverLeased(lane, row);
                        } finally {
                            lane.inFlight.decrementAndGet();
                            wake(lane);
                        }
                    });
                }
                if (!claim.moved()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox claims of %s stopped this round: %s", lane.channel.name(), describe(e));
        }
    }

    /** Claims up to {@code free} due rows of the lane's channel in one short transaction. */
    private Claim claim(Lane lane, int free) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            OutboxChannel channel = lane.channel;
            List<Long> receivers = channel.receivers();
            List<OutboxRow> claimed = new ArrayList<>();
            int moved;
            if (receivers.isEmpty()) {
                // ordered as the index outbox_channel_due_idx is, so that H2 reads the first rows of the index
                // instead of sorting every due row (a backlog of mail made each claim cost as much as the backlog)
                moved = lease(channel, locked(COLUMNS + "where channel = ?2 and status = 'PENDING' "
                        + "and next_attempt_at <= ?1 order by channel, status, next_attempt_at, id fetch first "
                        + free + " rows only", channel, now, List.of()), now, claimed);
            } else {
                moved = lease(channel, locked(COLUMNS + "where id in (?3) and channel = ?2 "
                                + "and status = 'PENDING' and next_attempt_at <= ?1 order by next_attempt_at, id",
                        channel, now, fairShare(lane, receivers, free, now)), now, claimed);
            }
            return new Claim(claimed, moved > 0);
        });
    }

    /**
     * The ids of at most {@code free} due rows, at most {@link OutboxChannel#perReceiver()} in flight per receiver:
     * each receiver's oldest due rows (one query, a branch per receiver, each read from the index of that receiver's
     * due rows, so a backlog of one receiver is never scanned), then taken receiver by receiver, starting with a
     * different one each round.
     */
    @SuppressWarnings("unchecked")
    private List<Long> fairShare(Lane lane, List<Long> receivers, int free, Instant now) {
        Map<Long, Integer> busy = inFlight(lane.channel, now);
        List<String> branches = new ArrayList<>();
        for (Long receiver : receivers) {
            int room = Math.min(free, lane.channel.perReceiver() - busy.getOrDefault(receiver, 0));
            if (room > 0) {
                // receiver ids come from the database and limits are ours: numbers, written into the SQL
                branches.add("(select id, webhook_id from outbox where webhook_id = " + receiver
                        + " and status = 'PENDING' and next_attempt_at <= ?1 and channel = ?2"
                        + " order by webhook_id, status, next_attempt_at, id fetch first " + room + " rows only)");
            }
        }
        if (branches.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> due = new HashMap<>();
        for (Object[] row : (List<Object[]>) entityManager.createNativeQuery(String.join(" union all ", branches))
                .setParameter(1, now).setParameter(2, lane.channel.name()).getResultList()) {
            due.computeIfAbsent(((Number) row[1]).longValue(), k -> new ArrayList<>())
                    .add(((Number) row[0]).longValue());
        }
        List<Long> ids = new ArrayList<>();
        int start = Math.floorMod(lane.rotation++, receivers.size());
        for (int i = 0; i < receivers.size() && ids.size() < free; i++) {
            for (Long id : due.getOrDefault(receivers.get((start + i) % receivers.size()), List.of())) {
                if (ids.size() < free) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /**
     * The rows the query finds, locked for this transaction on PostgreSQL ({@code FOR UPDATE SKIP LOCKED}: rows
     * another instance is claiming are left to it). H2 has one instance per file and this instance claims on one
     * thread, so nothing else claims there; the lease's conditional update is the guard. H2 would also lock, and
     * sort, every row the condition matches before it applies the limit. {@code ?1} is now, {@code ?2} the channel,
     * {@code ?3} the ids when given.
     */
    @SuppressWarnings("unchecked")
    private List<OutboxRow> locked(String select, OutboxChannel channel, Instant now, List<Long> ids) {
        if (select.contains("?3") && ids.isEmpty()) {
            return List.of();
        }
        // limits are written into the SQL, as Hibernate would put its own after FOR UPDATE
        var query = entityManager.createNativeQuery(select + (database.isPostgres() ? " for update skip locked" : ""))
                .setParameter(1, now).setParameter(2, channel.name());
        if (!ids.isEmpty()) {
            query.setParameter(3, ids);
        }
        return ((List<Object[]>) query.getResultList()).stream().map(OutboxSender::row).toList();
    }

    /** Receivers with leased rows, and how many each has: the deliveries in flight on every instance. */
    private Map<Long, Integer> inFlight(OutboxChannel channel, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select webhook_id, count(*) from outbox "
                        + "where channel = ?1 and lease_until > ?2 and status = 'PENDING' group by webhook_id")
                .setParameter(1, channel.name()).setParameter(2, now).getResultList();
        Map<Long, Integer> busy = new HashMap<>();
        for (Object[] row : rows) {
            if (row[0] != null) {
                busy.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
            }
        }
        return busy;
    }

    /**
     * Counts an attempt on each row and leases it, except rows the channel says must wait (they get their new time
     * and no attempt). Adds the leased rows to {@code leased}, each with its attempt counted: the mark its result
     * must match. Answers how many rows it changed.
     */
    private int lease(OutboxChannel channel, List<OutboxRow> due, Instant now, List<OutboxRow> leased) {
        int moved = 0;
        Instant until = now.plus(channel.lease());
        for (OutboxRow row : due) {
            Instant roomAt = channel.waitUntil(row, now);
            if (roomAt != null) {
                entityManager.createNativeQuery("update outbox set next_attempt_at = ?2 where id = ?1")
                        .setParameter(1, row.id()).setParameter(2, roomAt).executeUpdate();
                moved++;
                continue;
            }
            int updated = entityManager.createNativeQuery("update outbox set attempts = ?3, next_attempt_at = ?2, "
                            + "lease_until = ?2 where id = ?1 and attempts = ?4 and status = 'PENDING'")
                    .setParameter(1, row.id()).setParameter(2, until).setParameter(3, row.attempts() + 1)
                    .setParameter(4, row.attempts()).executeUpdate();
            if (updated == 1) {
                moved++;
                leased.add(new OutboxRow(row.id(), row.channel(), row.recipient(), row.recipientKey(), row.subject(),
                        row.bodyText(), row.bodyHtml(), row.headers(), row.attempts() + 1, row.webhookId(),
                        row.eventId()));
            }
        }
        return moved;
    }

    /**
     * Delivers a leased row without a transaction, then records the attempt and settles the row. Anything the
     * delivery throws is its failure, errors included: an attempt that ends without a result would hold the row until
     * its lease ran out.
     */
    private void deliverLeased(Lane lane, OutboxRow row) {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        Integer statusCode = null;
        String error = null;
        try {
            statusCode = lane.channel.deliver(row);
        } catch (DeliveryFailure e) {
            statusCode = e.statusCode();
            error = truncate(e.getMessage());
        } catch (RuntimeException | Error e) {
            error = describe(e);
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
        record(lane, new Result(row, started, statusCode, error, millis));
    }

    /**
     * Records a delivery's result in a transaction of its own; when the database does not take it, the result waits
     * in the lane's queue and the next round records it again (the row stays leased meanwhile, so nobody delivers it
     * twice). Only an instance that stops before that leaves the lease to run out.
     */
    private boolean record(Lane lane, Result result) {
        try {
            QuarkusTransaction.requiringNew().run(() -> settle(lane.channel, result));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("outbox row %d: the result of its delivery could not be recorded yet, trying again: %s",
                    result.row().id(), describe(e));
            lane.unrecorded.add(result);
            return false;
        }
    }

    /**
     * Records the results the database did not take in earlier rounds, each once per round, until the row's lease
     * is over: by then the row is due again anyway, and may be another instance's.
     */
    private void recordAgain(Lane lane) {
        for (int waiting = lane.unrecorded.size(); waiting > 0 && !stopped; waiting--) {
            Result result = lane.unrecorded.poll();
            if (result == null) {
                return;
            }
            if (clock.instant().isAfter(result.started().plus(lane.channel.lease()))) {
                LOG.warnf("outbox row %d: gave up recording its delivery's result; its lease is over",
                        result.row().id());
            } else if (!record(lane, result)) {
                return;
            }
        }
    }

    private void settle(OutboxChannel channel, Result result) {
        OutboxRow row = result.row();
        Integer statusCode = result.statusCode();
        String error = result.error();
        Instant now = clock.instant();
        entityManager.createNativeQuery("insert into outbox_attempt (outbox_id, attempted_at, status_code, error, "
                        + "duration_ms) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, row.id()).setParameter(2, result.started()).setParameter(3, statusCode)
                .setParameter(4, error).setParameter(5, result.millis()).executeUpdate();
        String outcome;
        int updated;
        if (error == null) {
            outcome = "sent";
            updated = entityManager.createNativeQuery("update outbox set status = 'SENT', sent_at = ?2, "
                            + "lease_until = null, last_error = null, last_status_code = ?3 "
                            + "where id = ?1 and attempts = ?4 and status = 'PENDING'")
                    .setParameter(1, row.id()).setParameter(2, now).setParameter(3, statusCode)
                    .setParameter(4, row.attempts()).executeUpdate();
        } else {
            RetryPolicy policy = channel.retryPolicy();
            boolean last = row.attempts() >= policy.maxAttempts();
            outcome = last ? "failed" : "retry";
            updated = entityManager.createNativeQuery("update outbox set status = ?5, lease_until = null, "
                            + "last_error = ?3, next_attempt_at = ?4, last_status_code = ?6 "
                            + "where id = ?1 and attempts = ?2 and status = 'PENDING'")
                    .setParameter(1, row.id()).setParameter(2, row.attempts()).setParameter(3, error)
                    .setParameter(4, last ? now : now.plus(policy.backoff(row.attempts())))
                    .setParameter(5, last ? "FAILED" : "PENDING").setParameter(6, statusCode).executeUpdate();
            if (last && updated == 1) {
                LOG.warnf("outbox row %d failed for good after %d attempts: %s", row.id(), row.attempts(), error);
            }
        }
        if (updated == 1) {
            metrics.counter("comments.outbox.deliveries", "channel", channel.name(), "result", outcome).increment();
        } else {
            LOG.debugf("outbox row %d was no longer this claim's (lease over, or its webhook deleted)", row.id());
        }
    }

    private static OutboxRow row(Object[] row) {
        return new OutboxRow(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                ((Number) row[3]).longValue(), (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                ((Number) row[8]).intValue(), row[9] == null ? null : ((Number) row[9]).longValue(),
                (String) row[10]);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The failure as an admin may read it: the class and message of its root cause, no stack trace. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return truncate(root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX);
    }
}
