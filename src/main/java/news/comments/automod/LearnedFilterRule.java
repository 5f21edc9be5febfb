package news.comments.automod;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The learned filter as a rule: at or above {@code spamAbove} the comment is spam, at or above {@code holdAbove} it
 * is held for a moderator (in POST mode too), below that the rule is silent. It never approves, and it acts only
 * once the model has learned {@code minTraining} decisions of each class. The score itself comes with the candidate
 * ({@link AutoModerator} asks {@link SpamScorer} once), so every comment's score is kept even when the rule is silent.
 */
@ApplicationScoped
public class LearnedFilterRule implements Rule {

    static final String NAME = "learned-filter";
    /** Tokens named in the explanation. */
    static final int CLUES_SHOWN = 5;

    @Override
    public Optional<Hit> evaluate(Candidate candidate, RuleSettings settings) {
        LearnedFilterValues filter = settings.learnedFilter();
        SpamScore score = candidate.spamScore();
        if (!filter.enabled() || score == null || !score.trainedWith(filter.minTraining())) {
            return Optional.empty();
        }
        Effect effect;
        String label;
        if (score.probability() >= filter.spamAbove()) {
            effect = Effect.SPAM;
            label = "spam";
        } else if (score.probability() >= filter.holdAbove()) {
            effect = Effect.HOLD;
            label = "held";
        } else {
            return Optional.empty();
        }
        String clues = score.explained(CLUES_SHOWN);
        return Optional.of(new Hit(NAME, effect, NAME + ": " + label + " " + SpamScore.format(score.probability())
                + (clues.isEmpty() ? "" : "; " + clues)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 70;
    }
}
