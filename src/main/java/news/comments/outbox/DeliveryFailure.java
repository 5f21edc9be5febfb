package news.comments.outbox;

/**
 * A delivery that did not succeed, with the receiver's status code where it answered (a webhook's 500), so that the
 * attempt records it. Its message is what admins read in the outbox: no body, no personal data.
 */
public class DeliveryFailure extends RuntimeException {

    private final Integer statusCode;

    public DeliveryFailure(Integer statusCode, String message) {
        super(message, null, false, false);
        this.statusCode = statusCode;
    }

    public Integer statusCode() {
        return statusCode;
    }
}
