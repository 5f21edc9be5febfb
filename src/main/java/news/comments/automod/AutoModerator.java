package news.comments.automod;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.article.ModerationMode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every rule on a new comment (Coral-style pipeline) and decides its first status: the article's mode gives the
 * starting point (PRE holds, POST publishes), and the strongest effect among the hits overrides it.
 */
@ApplicationScoped
public class AutoModerator {

    private final List<Rule> rules;

    AutoModerator(@All List<Rule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparingInt(Rule::order)).toList();
    }

    public Verdict judge(Candidate candidate, RuleSettings settings) {
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
        return new Verdict(outcome, List.copyOf(hits));
    }
}
