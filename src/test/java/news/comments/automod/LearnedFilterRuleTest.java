package news.comments.automod;

import news.comments.article.ModerationMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learned-filter rule at and around its bounds: it holds, it marks spam, it never approves. */
class LearnedFilterRuleTest {

    private static final LearnedFilterValues DEFAULTS = new LearnedFilterValues(true, 0.9, 0.99, 50);
    private final LearnedFilterRule rule = new LearnedFilterRule();

    @Test
    void shouldMarkSpamExactlyAtSpamAboveAndHoldJustBelow() {
        assertEquals(Effect.SPAM, effectOf(0.99, DEFAULTS).orElseThrow());
        assertEquals(Effect.HOLD, effectOf(Math.nextDown(0.99), DEFAULTS).orElseThrow());
    }

    @Test
    void shouldHoldExactlyAtHoldAboveAndStaySilentJustBelow() {
        assertEquals(Effect.HOLD, effectOf(0.9, DEFAULTS).orElseThrow());
        assertTrue(effectOf(Math.nextDown(0.9), DEFAULTS).isEmpty());
    }

    @Test
    void shouldNeverApprove() {
        for (double p = 0; p <= 1.0; p += 0.01) {
            assertTrue(effectOf(p, DEFAULTS).map(e -> e != Effect.APPROVE).orElse(true));
        }
        assertTrue(effectOf(0.0, DEFAULTS).isEmpty(), "a sure ham is left to the other rules and the mode");
    }

    @Test
    void shouldActOnlyOnceTrainedWithMinTrainingOfEachClass() {
        assertTrue(evaluate(score(1.0, 49, 500), DEFAULTS).isEmpty());
        assertTrue(evaluate(score(1.0, 500, 49), DEFAULTS).isEmpty());
        assertEquals(Effect.SPAM, evaluate(score(1.0, 50, 50), DEFAULTS).orElseThrow().effect());
    }

    @Test
    void shouldStaySilentWhenSwitchedOff() {
        assertTrue(evaluate(score(1.0, 500, 500), new LearnedFilterValues(false, 0.9, 0.99, 50)).isEmpty());
    }

    @Test
    void shouldNameTheScoreAndTheTokensThatWeighedMost() {
        SpamScore score = new SpamScore(0.9973, 80, 90, List.of(new SpamScore.Clue("cheap", 0.994),
                new SpamScore.Clue("link:pills.example", 0.98), new SpamScore.Clue("viagra", 0.97)));
        Hit hit = evaluate(score, DEFAULTS).orElseThrow();
        assertEquals("learned-filter", hit.rule());
        assertEquals("learned-filter: spam 0.997; \"cheap\" 0.994, \"link:pills.example\" 0.980, \"viagra\" 0.970",
                hit.detail());
        Hit held = evaluate(new SpamScore(0.95, 80, 90, List.of(new SpamScore.Clue("cheap", 0.9))), DEFAULTS)
                .orElseThrow();
        assertEquals("learned-filter: held 0.950; \"cheap\" 0.900", held.detail());
    }

    @Test
    void shouldNeverShowAnUnsureScoreAsCertain() {
        assertEquals("0.999", SpamScore.format(0.99995));
        assertEquals("1.000", SpamScore.format(1.0));
        assertEquals("0.001", SpamScore.format(0.00001));
    }

    private Optional<Effect> effectOf(double probability, LearnedFilterValues values) {
        return evaluate(score(probability, 100, 100), values).map(Hit::effect);
    }

    private Optional<Hit> evaluate(SpamScore score, LearnedFilterValues values) {
        RuleValues rules = new RuleValues(2, List.of(), List.of(), List.of(), List.of(), true, 0, "website2");
        Candidate candidate = new Candidate("n", "e@example.org", null, "b", "192.0.2.1", "ua", null,
                ModerationMode.POST, false, false).scored(score);
        return rule.evaluate(candidate, RuleSettings.compile(rules, values));
    }

    private static SpamScore score(double probability, long ham, long spam) {
        return new SpamScore(probability, ham, spam, List.of());
    }
}
