package news.comments.automod;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.article.ModerationMode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every rule on a new comment (Coral-style pipeline) and decides its first status: the article's mode gives the
 * starting point (PRE holds, POST publishes), and the strongest effect among the hits overrides it. When the learned
 * filter is on, the comment is scored once before the rules run; the {@code learned-filter} rule acts on that score
 * and the verdict carries it for moderators.
 */
@ApplicationScoped
public class AutoModerator {

    private final List<Rule> rules;
    private final SpamScorer scorer;

    AutoModerator(@All List<Rule> rules, SpamScorer scorer) {
        this.rules = rules.stream().sorted(Comparator.comparingInt(Rule::order)).toList();
        this.scorer = scorer;
    }

    /** The names of the rules, in the order their hits are listed. */
    public List<String> ruleNames() {
        return rules.stream().map(Rule::name).toList();
    }

    public Verdict judge(Candidate posted, RuleSettings settings) {
        LearnedFilterValues filter = settings.learnedFilter();
        SpamScore score = filter.enabled() ? scorer.score(posted) : null;
        Candidate candidate = posted.scored(score);
        List<Hit> hits = new ArrayList<>();
        for (Rule rule : rules) {
            rule.evaluate(candidate, settings).ifPresent(hits::add);
        }
        Effect strongest = hits.stream().map(Hit::effect).max(Comparator.naturalOrder()).orElse(null);
        Verdict.Outcome outcome;
        if (strongest == Effect.SPAM) {
            outcome = Verdict.Outcome.SPAM;
        } else if (strongest == Effect.HOLD) {
            outcome = Verdict.Outcome.HOLD;
        } else if (strongest == Effect.APPROVE) {
            outcome = Verdict.Outcome.PUBLISH;
        } else {
            outcome = candidate.mode() == ModerationMode.POST ? Verdict.Outcome.PUBLISH : Verdict.Outcome.HOLD;
        }
        Double shown = score != null && score.trainedWith(filter.minTraining()) ? score.probability() : null;
        return new Verdict(outcome, List.copyOf(hits), shown);
    }
}
