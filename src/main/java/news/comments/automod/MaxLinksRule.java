package news.comments.automod;

import jakarta.enterprise.context.ApplicationScoped;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkType;

import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * More links in the body than the limit holds the comment. Links are counted the way the renderer finds them, plus
 * bare {@code www.} addresses, which readers can copy even though they are not made clickable.
 */
@ApplicationScoped
public class MaxLinksRule implements Rule {

    static final String NAME = "max-links";

    private static final LinkExtractor LINKS = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW)).build();

    @Override
    public Optional<Hit> evaluate(Candidate candidate, RuleSettings settings) {
        long links = StreamSupport.stream(LINKS.extractLinks(candidate.body()).spliterator(), false).count();
        if (links <= settings.maxLinks()) {
            return Optional.empty();
        }
        return Optional.of(new Hit(NAME, Effect.HOLD,
                "max-links: " + links + " links, limit " + settings.maxLinks()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 50;
    }
}
