package news.comments.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One kind of delivery the outbox carries (mail, webhook calls): {@link OutboxSender} claims a channel's due rows and
 * hands each to its channel, which delivers it or throws {@link DeliveryFailure}. Claiming, leases, attempts and
 * backoff are the sender's and the same for every channel; how long a channel keeps trying, how many deliveries it
 * makes at once and how they are shared among its receivers are its own. A channel is a bean; the outbox finds every
 * one.
 */
public interface OutboxChannel {

    /** The value of the outbox's {@code channel} column this channel delivers. */
    String name();

    /** How often and how long a failed delivery is tried again. */
    RetryPolicy retryPolicy();

    /**
     * When the row may go if it must wait without counting an attempt (mail over an address's hourly limit), or null
     * to deliver it now. Runs in the claim's transaction.
     */
    default Instant waitUntil(OutboxRow row, Instant now) {
        return null;
    }

    /** Deliveries this channel makes at the same time on one instance. */
    default int parallelism() {
        return 1;
    }

    /**
     * The receivers (values of the outbox's {@code webhook_id}) whose rows are claimed each on their own, at most
     * {@link #perReceiver()} in flight per receiver, so that one slow receiver cannot take every delivery slot.
     * Empty (the default): the channel's rows are claimed oldest first. Runs in the claim's transaction.
     */
    default List<Long> receivers() {
        return List.of();
    }

    /** Deliveries to one receiver in flight at the same time, counted across instances. */
    default int perReceiver() {
        return parallelism();
    }

    /**
     * How long a claimed row stays the claimer's: longer than a delivery can take. When it ends without a result
     * (the instance died mid-delivery), the row is due again and delivered again: at least once.
     */
    default Duration lease() {
        return Duration.ofMinutes(5);
    }

    /**
     * Delivers the row, outside any transaction; answers the receiver's status code where it has one (HTTP), else
     * null.
     */
    Integer deliver(OutboxRow row);
}
