package news.comments.automod;

/**
 * What the learned filter thinks of a new comment; the filter package answers it from the model that moderators'
 * decisions trained, so rules never depend on the filter.
 */
public interface SpamScorer {

    /** Scores a comment that is not stored yet. Reads the shared model; writes nothing. */
    SpamScore score(Candidate candidate);
}
