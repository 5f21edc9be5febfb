package news.comments.automod;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.article.ModerationMode;
import news.comments.comment.CommentStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every rule on a new comment (Coral-style pipeline) and decides its first status: the article's mode gives the
 * starting point (PRE → PENDING, POST → APPROVED), and the strongest effect among the hits overrides it.
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
        CommentStatus status;
        if (strongest == Effect.SPAM) {
            status = CommentStatus.SPAM;
        } else if (strongest == Effect.HOLD) {
            status = CommentStatus.PENDING;
        } else if (strongest == Effect.APPROVE) {
            status = CommentStatus.APPROVED;
        } else {
            status = candidate.mode() == ModerationMode.POST ? CommentStatus.APPROVED : CommentStatus.PENDING;
        }
        return new Verdict(status, List.copyOf(hits));
    }
}
