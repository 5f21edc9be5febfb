package news.comments.outbox;

import java.time.Instant;

/**
 * One outbox row as admins see it: to whom, what, and how delivery goes. Admins may see the recipient (the admin door
 * sees everything); the body is left out, as an admin checking deliveries needs none of it.
 */
public record OutboxItem(long id, String channel, String recipient, String subject, String status, int attempts,
                         Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
