package news.comments.moderation;

import news.comments.web.DomainException;
import news.comments.web.ProblemType;

/** The moderator decided on a version of the comment that someone else has changed since. */
public class StaleVersionException extends DomainException {

    public StaleVersionException(long expected, long current) {
        super(ProblemType.STALE_VERSION, "You saw version " + expected + " but the comment is now at version "
                + current + "; reload it before deciding");
    }
}
