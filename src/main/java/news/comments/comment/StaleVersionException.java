package news.comments.comment;

import news.comments.web.DomainException;
import news.comments.web.ProblemType;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A decision on a version of the comment that someone else has changed since. The problem names what the comment
 * became and who decided it ({@code commentStatus}, {@code moderatedBy}, {@code version}), so a moderator's console
 * can say so instead of only "reload".
 */
public class StaleVersionException extends DomainException {

    private final Map<String, Object> extensions;

    /** The row was read: say what it is now. */
    StaleVersionException(long expected, Comment now) {
        super(ProblemType.STALE_VERSION, "You saw version " + expected + " but the comment is now at version "
                + now.version() + ": it is " + now.status().name().toLowerCase(Locale.ROOT)
                + (now.moderatedBy() == null ? "" : ", decided by " + now.moderatedBy())
                + "; reload it before deciding");
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("commentStatus", now.status().name());
        members.put("moderatedBy", now.moderatedBy());
        members.put("version", now.version());
        this.extensions = members;
    }

    /** Two decisions met in the database at the same instant: the other one won, and this one is not known yet. */
    StaleVersionException(long expected) {
        super(ProblemType.STALE_VERSION, "You saw version " + expected + " but another moderator decided this comment "
                + "at the same moment; reload it before deciding");
        this.extensions = Map.of();
    }

    @Override
    protected Map<String, Object> extensions() {
        return extensions;
    }
}
