package news.comments.filter;

import news.comments.automod.SpamScore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Robinson's token probabilities and Fisher's combining, on numbers that can be checked by hand. */
class SpamMathTest {

    @Test
    void shouldGiveAnUnseenTokenAnEvenChance() {
        assertEquals(0.5, SpamMath.tokenProbability(0, 0, 100, 100), 1e-12);
    }

    @Test
    void shouldPullARarelySeenTokenTowardsAnEvenChance() {
        // seen once, in spam only: (0.45 * 0.5 + 1 * 1) / 1.45
        assertEquals(1.225 / 1.45, SpamMath.tokenProbability(0, 1, 10, 10), 1e-12);
        assertTrue(SpamMath.tokenProbability(0, 50, 100, 100) > 0.99);
        assertTrue(SpamMath.tokenProbability(50, 0, 100, 100) < 0.01);
    }

    @Test
    void shouldWeighCountsByHowManyOfEachClassWereLearned() {
        // in 10 of 100 ham and 10 of 20 spam: five times as frequent in spam
        double p = SpamMath.tokenProbability(10, 10, 100, 20);
        assertEquals((0.45 * 0.5 + 20 * (0.5 / 0.6)) / 20.45, p, 1e-12);
    }

    @Test
    void shouldAnswerAChiSquareTail() {
        assertEquals(1.0, SpamMath.chi2Q(0, 10), 1e-12);
        assertEquals(Math.exp(-1), SpamMath.chi2Q(2, 2), 1e-12);
        assertTrue(SpamMath.chi2Q(100, 10) < 1e-10);
    }

    @Test
    void shouldScoreSpamHighHamLowAndMixedCluesUnsure() {
        List<SpamMath.Counted> spammy = List.of(new SpamMath.Counted("cheap", 0, 40),
                new SpamMath.Counted("pills", 1, 45), new SpamMath.Counted("the", 50, 50));
        SpamScore spam = SpamMath.score(spammy, 100, 100);
        assertTrue(spam.probability() > 0.99, () -> "spam " + spam);
        assertEquals("pills", spam.clues().get(1).token());
        assertEquals(2, spam.clues().size(), "a token as common in ham as in spam is no clue");

        SpamScore ham = SpamMath.score(List.of(new SpamMath.Counted("council", 40, 0),
                new SpamMath.Counted("budget", 30, 1)), 100, 100);
        assertTrue(ham.probability() < 0.01, () -> "ham " + ham);

        SpamScore mixed = SpamMath.score(List.of(new SpamMath.Counted("cheap", 0, 40),
                new SpamMath.Counted("council", 40, 0)), 100, 100);
        assertEquals(0.5, mixed.probability(), 0.05);
        assertEquals(0.5, SpamMath.score(List.of(), 100, 100).probability(), 1e-12);
    }

    @Test
    void shouldListTheSpammiestCluesFirstForASpamScore() {
        SpamScore score = SpamMath.score(List.of(new SpamMath.Counted("weak", 0, 2),
                new SpamMath.Counted("strong", 0, 60), new SpamMath.Counted("council", 9, 0)), 100, 100);
        assertEquals("strong", score.clues().get(0).token());
        assertEquals("council", score.clues().get(score.clues().size() - 1).token());
    }
}
