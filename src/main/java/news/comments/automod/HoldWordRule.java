package news.comments.automod;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** A listed word or phrase in any field holds the comment for a moderator (see {@link WordMatcher}). */
@ApplicationScoped
public class HoldWordRule implements Rule {

    static final String NAME = "hold-word";

    @Override
    public Optional<Hit> evaluate(Candidate candidate, RuleSettings settings) {
        return CandidateFields.firstWord(settings.holdWords(), candidate)
                .map(where -> new Hit(NAME, Effect.HOLD, "hold-word: " + where));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 40;
    }
}
