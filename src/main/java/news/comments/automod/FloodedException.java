package news.comments.automod;

import news.comments.web.DomainException;
import news.comments.web.ProblemType;

import java.util.Map;

/** Too soon after the previous comment from the same IP or email; {@code Retry-After} says when to try again. */
public class FloodedException extends DomainException {

    private final long retryAfterSeconds;

    public FloodedException(long retryAfterSeconds) {
        super(ProblemType.TOO_MANY_REQUESTS, "Please wait " + retryAfterSeconds
                + " second" + (retryAfterSeconds == 1 ? "" : "s") + " before posting again");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
