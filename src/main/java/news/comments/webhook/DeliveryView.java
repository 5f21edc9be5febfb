package news.comments.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One call of a webhook (one event) and its attempts, newest first: what the receiver answered each time
 * ({@code statusCode}, null when it did not answer) and the error. {@code status}: PENDING (waiting for its next
 * attempt), SENT, FAILED. The body is left out; it may hold the author's data.
 */
public record DeliveryView(long id, String eventId, String type, String status, int attempts, Integer lastStatusCode,
                           String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
                           List<Attempt> attemptLog) {

    /** One attempt: when, the receiver's HTTP status, the error, how long it took. */
    public record Attempt(Instant at, Integer statusCode, String error, int durationMs) {
    }
}
