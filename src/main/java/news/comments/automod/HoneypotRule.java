package news.comments.automod;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** People never see the honeypot field, so a value in it means a bot filled every field it found: spam. */
@ApplicationScoped
public class HoneypotRule implements Rule {

    static final String NAME = "honeypot";

    @Override
    public Optional<Hit> evaluate(Candidate candidate, RuleSettings settings) {
        if (candidate.honeypot() == null || candidate.honeypot().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Hit(NAME, Effect.SPAM,
                "honeypot: hidden field " + settings.honeypotField() + " was filled"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 10;
    }
}
