package news.comments.automod;

import news.comments.article.ModerationMode;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The auto-moderator's decision on a new comment: how it starts ({@link Outcome}), every rule that fired, and the
 * learned filter's spam probability (null while the filter is off or has not learned {@code minTraining} decisions of
 * each class). The comment package turns the outcome into a status; rules know nothing of comments' statuses.
 */
public record Verdict(Outcome outcome, List<Hit> hits, Double spamScore) {

    public Verdict(Outcome outcome, List<Hit> hits) {
        this(outcome, hits, null);
    }

    /** Published at once, held for a moderator, or taken for spam. */
    public enum Outcome {
        PUBLISH, HOLD, SPAM
    }

    /** The reason written in the history line of the system's decision. */
    public String reason(ModerationMode mode) {
        if (hits.isEmpty()) {
            return mode == ModerationMode.PRE ? "pre-moderation: held for review"
                    : "post-moderation: published at once";
        }
        return hits.stream().map(Hit::detail).collect(Collectors.joining("; "));
    }
}
