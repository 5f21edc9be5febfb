package news.comments.ban;

import jakarta.enterprise.context.ApplicationScoped;
import news.comments.automod.BanLookup;
import news.comments.infra.KeyedHashes;

import java.util.Optional;

/** Answers the rules' question "is this author banned?" from the ban table. */
@ApplicationScoped
class BanLookupAdapter implements BanLookup {

    private final BanRepository bans;
    private final KeyedHashes keyedHashes;

    BanLookupAdapter(BanRepository bans, KeyedHashes keyedHashes) {
        this.bans = bans;
        this.keyedHashes = keyedHashes;
    }

    @Override
    public Optional<Match> firstMatching(String email, String ip) {
        String emailHash = keyedHashes.email(email);
        return bans.firstMatching(emailHash, ip).map(ban -> new Match(ban.id(), ban.matchesEmailHash(emailHash)));
    }
}
