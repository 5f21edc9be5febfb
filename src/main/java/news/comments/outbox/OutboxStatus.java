package news.comments.outbox;

import news.comments.web.InvalidRequestException;

import java.util.List;
import java.util.Locale;

/** Where an outbox row is: waiting to be delivered (or retried), failed for good, or sent. */
enum OutboxStatus {
    PENDING, FAILED, SENT;

    /**
     * The {@code status} filter of the admins' list: one status, or when absent the rows that still need attention
     * (waiting and failed together).
     */
    static List<OutboxStatus> parseFilter(String status) {
        if (status == null || status.isBlank()) {
            return List.of(PENDING, FAILED);
        }
        try {
            return List.of(valueOf(status.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("status", "must be one of PENDING, FAILED, SENT");
        }
    }
}
