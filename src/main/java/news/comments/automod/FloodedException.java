package news.comments.automod;

import news.comments.web.DomainException;
import news.comments.web.ProblemType;

import java.util.Map;

/**
 * Too soon after the previous comment from the same IP or email, or the previous request of a kind the
 * {@link FloodGuard} limits; {@code Retry-After} says when to try again.
 */
public class FloodedException extends DomainException {

    private final long retryAfterSeconds;

    public FloodedException(long retryAfterSeconds) {
        this(retryAfterSeconds, "posting");
    }

    /** {@code doing}: what to wait with, as the message says it ("posting", "asking"). */
    public FloodedException(long retryAfterSeconds, String doing) {
        super(ProblemType.TOO_MANY_REQUESTS, "Please wait " + retryAfterSeconds
                + " second" + (retryAfterSeconds == 1 ? "" : "s") + " before " + doing + " again");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
