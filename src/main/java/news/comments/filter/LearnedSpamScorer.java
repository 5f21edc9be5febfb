package news.comments.filter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.comments.automod.Candidate;
import news.comments.automod.SpamScore;
import news.comments.automod.SpamScorer;

/** Answers the auto-moderator's {@link SpamScorer} from the shared model; nothing leaves the machine. */
@ApplicationScoped
class LearnedSpamScorer implements SpamScorer {

    private final SpamModel model;

    LearnedSpamScorer(SpamModel model) {
        this.model = model;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public SpamScore score(Candidate candidate) {
        return model.score(SpamTokens.of(candidate.authorName(), candidate.authorEmail(), candidate.authorUrl(),
                candidate.body()));
    }
}
