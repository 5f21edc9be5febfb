package news.comments.filter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * The learned spam filter (docs/auto-moderation.md, "Learned filter"). The first four keys seed the settings
 * document's {@code learnedFilter} part on the first start (so {@code settings/} reads them too);
 * from then on admins change it at run time.
 */
@ConfigMapping(prefix = "comments.learned-filter")
public interface LearnedFilterConfig {

    /** Score each new comment and let the {@code learned-filter} rule act on the score. */
    @WithDefault("true")
    boolean enabled();

    /** A spam probability at or above this holds the comment for a moderator (in POST mode too). */
    @WithDefault("0.9")
    double holdAbove();

    /** A spam probability at or above this makes the comment spam. */
    @WithDefault("0.99")
    double spamAbove();

    /** The rule acts only once the filter has learned at least this many decisions of each class. */
    @WithDefault("50")
    int minTraining();

    /**
     * Most tokens the model keeps. Above it, the tokens seen least often are pruned until 90% of the bound
     * remain; checked by the learner every 10 seconds at most, and after a retrain.
     */
    @WithDefault("200000")
    @Min(1000)
    int maxTokens();
}
