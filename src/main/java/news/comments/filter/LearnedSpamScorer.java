package news.comments.filter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.comments.automod.Candidate;
import news.comments.automod.SpamScore;
import news.comments.automod.SpamScorer;

/**
 * Answers the auto-moderator's {@link SpamScorer} from the shared model; nothing leaves the machine. Each scoring is
 * timed ({@code comments_filter_scoring_seconds}: what the filter adds to a post, tokens and model read included).
 */
@ApplicationScoped
class LearnedSpamScorer implements SpamScorer {

    private final SpamModel model;
    private final Timer scoring;

    LearnedSpamScorer(SpamModel model, MeterRegistry metrics) {
        this.model = model;
        this.scoring = FilterTimers.timer(metrics, "comments.filter.scoring",
                "Time to score a new comment with the learned filter: its tokens, the model's catch-up, the math");
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public SpamScore score(Candidate candidate) {
        return scoring.record(() -> model.score(SpamTokens.of(candidate.authorName(), candidate.authorEmail(),
                candidate.authorUrl(), candidate.body())));
    }
}
