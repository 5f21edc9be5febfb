package news.comments.filter;

import news.comments.automod.SpamScore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The learned filter's arithmetic: Gary Robinson's token probabilities combined with Fisher's chi-square method,
 * as SpamBayes does. Each token's spam probability is its share of spam among the comments that had it (relative to
 * how many spam and ham comments were learned), pulled towards 0.5 when it was seen few times; the
 * {@link #MAX_CLUES} tokens furthest from 0.5 (at least {@link #MIN_STRENGTH} away) are combined into two
 * chi-square tests, "is this spam?" and "is this ham?", whose difference gives the score. Many weak clues cannot add
 * up to certainty the way a product of probabilities (Graham's method) does, and a comment with clues both ways
 * scores near 0.5 (unsure) rather than at either end, so holding at 0.9 makes few false alarms.
 */
final class SpamMath {

    /** How much an unseen token weighs (Robinson's s), and the probability it is given (x). */
    static final double UNKNOWN_STRENGTH = 0.45;
    static final double UNKNOWN_PROBABILITY = 0.5;
    /** Tokens closer to 0.5 than this say nothing. */
    static final double MIN_STRENGTH = 0.1;
    /** 300 rather than SpamBayes's 150: with word pairs a comment has about twice the tokens. */
    static final int MAX_CLUES = 300;
    /** Clues kept for the explanation. */
    static final int CLUES_KEPT = 10;

    private SpamMath() {
    }

    /** One token's counts. */
    record Counted(String token, long ham, long spam) {
    }

    /** A token's spam probability from its counts and the numbers of ham and spam comments learned. */
    static double tokenProbability(long ham, long spam, long hamLearned, long spamLearned) {
        double hamRatio = hamLearned == 0 ? 0 : (double) ham / hamLearned;
        double spamRatio = spamLearned == 0 ? 0 : (double) spam / spamLearned;
        double seen = ham + spam;
        if (hamRatio + spamRatio == 0) {
            return UNKNOWN_PROBABILITY;
        }
        double raw = spamRatio / (hamRatio + spamRatio);
        return (UNKNOWN_STRENGTH * UNKNOWN_PROBABILITY + seen * raw) / (UNKNOWN_STRENGTH + seen);
    }

    /** The score of a comment from its tokens' counts. */
    static SpamScore score(List<Counted> tokens, long hamLearned, long spamLearned) {
        List<SpamScore.Clue> clues = new ArrayList<>();
        for (Counted token : tokens) {
            if (token.ham() + token.spam() == 0) {
                continue;
            }
            double p = tokenProbability(token.ham(), token.spam(), hamLearned, spamLearned);
            if (Math.abs(p - 0.5) >= MIN_STRENGTH) {
                clues.add(new SpamScore.Clue(token.token(), p));
            }
        }
        clues.sort(Comparator.comparingDouble((SpamScore.Clue c) -> Math.abs(c.probability() - 0.5)).reversed());
        if (clues.size() > MAX_CLUES) {
            clues = new ArrayList<>(clues.subList(0, MAX_CLUES));
        }
        double probability = combine(clues);
        // the explanation names what pushed the score where it is: the spammiest tokens for a spam score
        Comparator<SpamScore.Clue> towards = Comparator.comparingDouble(SpamScore.Clue::probability);
        clues.sort(probability >= 0.5 ? towards.reversed() : towards);
        return new SpamScore(probability, hamLearned, spamLearned,
                List.copyOf(clues.subList(0, Math.min(CLUES_KEPT, clues.size()))));
    }

    /** Fisher-Robinson chi-square combining; 0.5 when there are no clues. */
    static double combine(List<SpamScore.Clue> clues) {
        if (clues.isEmpty()) {
            return 0.5;
        }
        double logSpam = 0;
        double logHam = 0;
        for (SpamScore.Clue clue : clues) {
            logSpam += Math.log(1.0 - clue.probability());
            logHam += Math.log(clue.probability());
        }
        int n = clues.size();
        double spamness = 1.0 - chi2Q(-2.0 * logSpam, 2 * n);
        double hamness = 1.0 - chi2Q(-2.0 * logHam, 2 * n);
        return Math.max(0.0, Math.min(1.0, (spamness - hamness + 1.0) / 2.0));
    }

    /** The chance that a chi-square with {@code v} (even) degrees of freedom is at least {@code x2}. */
    static double chi2Q(double x2, int v) {
        double m = x2 / 2.0;
        double term = Math.exp(-m);
        double sum = term;
        for (int i = 1; i < v / 2; i++) {
            term *= m / i;
            sum += term;
        }
        return Math.min(sum, 1.0);
    }
}
