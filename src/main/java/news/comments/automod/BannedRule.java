package news.comments.automod;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** A banned author's new comments are spam, whether the ban names their email or their IP. */
@ApplicationScoped
public class BannedRule implements Rule {

    static final String NAME = "banned";

    private final BanLookup bans;

    BannedRule(BanLookup bans) {
        this.bans = bans;
    }

    @Override
    public Optional<Hit> evaluate(Candidate candidate, RuleSettings settings) {
        return bans.firstMatching(candidate.authorEmail(), candidate.ip())
                .map(ban -> new Hit(NAME, Effect.SPAM, "banned: " + (ban.byEmail() ? "email" : "IP")
                        + " banned (ban " + ban.banId() + ")"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 20;
    }
}
