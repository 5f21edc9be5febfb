package news.comments.outbox;

import java.time.Instant;

/**
 * One kind of delivery the outbox carries (mail, webhook calls): {@link OutboxSender} claims a channel's due rows and
 * hands each to its channel, which delivers it or throws {@link DeliveryFailure}. Claiming, locking, attempts and
 * backoff are the sender's and the same for every channel; how long a channel keeps trying is its own
 * {@link RetryPolicy}. A channel is a bean; the outbox finds every one.
 */
public interface OutboxChannel {

    /** The value of the outbox's {@code channel} column this channel delivers. */
    String name();

    /** How often and how long a failed delivery is tried again. */
    RetryPolicy retryPolicy();

    /**
     * When the row may go if it must wait without counting an attempt (mail over an address's hourly limit), or null
     * to deliver it now.
     */
    default Instant waitUntil(OutboxRow row, Instant now) {
        return null;
    }

    /** Delivers the row; answers the receiver's status code where it has one (HTTP), else null. */
    Integer deliver(OutboxRow row);
}
