package news.comments.outbox;

/**
 * A claimed outbox row, as its channel needs it. {@code headers} is the stored JSON object of extra headers;
 * {@code webhookId} and {@code eventId} are set for webhook calls only.
 */
public record OutboxRow(long id, String channel, String recipient, long recipientKey, String subject,
                        String bodyText, String bodyHtml, String headers, int attempts, Long webhookId,
                        String eventId) {

    /** Ids only: the recipient and the body may be personal data. */
    @Override
    public String toString() {
        return "OutboxRow[" + id + ", " + channel + "]";
    }
}
