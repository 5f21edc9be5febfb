package news.comments.outbox;

import java.util.Map;

/**
 * A mail ready to send: one recipient, a subject, a plain text and an HTML body, and extra headers (such as
 * {@code List-Unsubscribe}). Composed in the transaction that causes it and stored as it is, so what is sent later is
 * exactly what was decided then.
 */
public record OutgoingMail(String to, String subject, String text, String html, Map<String, String> headers) {

    @Override
    public String toString() {
        return "OutgoingMail[redacted]";
    }
}
