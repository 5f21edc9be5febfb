package news.comments.automod;

import jakarta.enterprise.context.ApplicationScoped;
import news.comments.article.ModerationMode;

import java.util.Optional;

/**
 * In PRE mode, an author with an approved comment and none marked spam is trusted: approved at once (unless
 * another rule holds or blocks the comment, since the strongest effect wins). Only when the post carries the
 * address's commenterKey: without it, the rule says why it did not apply and the comment is moderated like a
 * stranger's, so a guessed address of a regular borrows nothing.
 */
@ApplicationScoped
public class ReturningCommenterRule implements Rule {

    static final String NAME = "returning-commenter";

    private final AuthorHistory authors;

    ReturningCommenterRule(AuthorHistory authors) {
        this.authors = authors;
    }

    @Override
    public Optional<Hit> evaluate(Candidate candidate, RuleSettings settings) {
        if (!settings.trustReturningCommenters() || candidate.mode() != ModerationMode.PRE) {
            return Optional.empty();
        }
        AuthorHistory.Counts history = authors.countsOf(candidate.authorEmail());
        long approved = history.approved();
        if (approved == 0 || history.spam() > 0) {
            return Optional.empty();
        }
        if (!candidate.keyMatched()) {
            // anyone can type a regular's address: the history counts only for the address's proven owner
            return Optional.of(new Hit(NAME, Effect.NOTE, "returning-commenter: not applied, "
                    + "address used without its key" + (candidate.emailVerified() ? "" : " (address not verified)")));
        }
        return Optional.of(new Hit(NAME, Effect.APPROVE,
                "returning-commenter: " + approved + " approved comment" + (approved == 1 ? "" : "s")
                        + ", none spam"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 60;
    }
}
