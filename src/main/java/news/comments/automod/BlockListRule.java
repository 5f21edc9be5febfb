package news.comments.automod;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Blocked words (in any field), addresses or domains, and IPs or ranges: spam. */
@ApplicationScoped
public class BlockListRule implements Rule {

    static final String NAME = "block-list";

    @Override
    public Optional<Hit> evaluate(Candidate candidate, RuleSettings settings) {
        Optional<String> email = settings.blockEmails().firstMatching(candidate.authorEmail());
        if (email.isPresent()) {
            return hit("email " + email.get());
        }
        Optional<String> ip = settings.blockIps().firstContaining(candidate.ip());
        if (ip.isPresent()) {
            return hit("IP in " + ip.get());
        }
        return CandidateFields.firstWord(settings.blockWords(), candidate).flatMap(where -> hit("word " + where));
    }

    private static Optional<Hit> hit(String detail) {
        return Optional.of(new Hit(NAME, Effect.SPAM, "block-list: " + detail));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 30;
    }
}
