package news.comments.automod;

import java.util.Optional;

/**
 * One auto-moderation rule: a small bean that looks at a new comment and the current settings and either fires (a
 * {@link Hit}) or stays silent. {@link #order()} fixes the order in which hits are listed to moderators.
 */
public interface Rule {

    Optional<Hit> evaluate(Candidate candidate, RuleSettings settings);

    /** The name its hits carry ({@link Hit#rule()}), by which moderators filter the queue. */
    String name();

    int order();
}
