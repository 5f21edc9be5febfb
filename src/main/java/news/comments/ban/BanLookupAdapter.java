package news.comments.ban;

import jakarta.enterprise.context.ApplicationScoped;
import news.comments.automod.BanLookup;

import java.util.Optional;

/** Answers the rules' question "is this author banned?" from the ban table. */
@ApplicationScoped
class BanLookupAdapter implements BanLookup {

    private final BanRepository bans;

    BanLookupAdapter(BanRepository bans) {
        this.bans = bans;
    }

    @Override
    public Optional<Match> firstMatching(String email, String ip) {
        return bans.firstMatching(email, ip).map(ban -> new Match(ban.id(), ban.matchesEmail(email)));
    }
}
