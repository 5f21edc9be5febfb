package news.comments.automod;

import news.comments.web.Problem.Violation;

import java.util.List;

/**
 * The {@code learnedFilter} part of the admins' settings document, as admins send it: every field may be missing or
 * wrong until {@link #check} has passed. The {@code learned-filter} rule reads it from {@link RuleSettings}.
 */
public record LearnedFilterValues(Boolean enabled, Double holdAbove, Double spamAbove, Integer minTraining) {

    public static final String FIELD = "learnedFilter";
    /** Below an even chance a score says "more likely ham": holding on it would only make false alarms. */
    static final double LOWEST_BOUND = 0.5;
    public static final int MIN_TRAINING_MAX = 1_000_000;

    /** Adds a violation for every broken field (named {@code learnedFilter.holdAbove} and so on). */
    public static void check(LearnedFilterValues values, List<Violation> violations) {
        if (values == null) {
            violations.add(new Violation(FIELD, "is required"));
            return;
        }
        if (values.enabled == null) {
            violations.add(new Violation(FIELD + ".enabled", "is required"));
        }
        probability(violations, "holdAbove", values.holdAbove);
        probability(violations, "spamAbove", values.spamAbove);
        if (inBounds(values.holdAbove) && inBounds(values.spamAbove) && values.holdAbove > values.spamAbove) {
            violations.add(new Violation(FIELD + ".holdAbove", "must not be above spamAbove"));
        }
        RuleValues.range(violations, FIELD + ".minTraining", values.minTraining, 1, MIN_TRAINING_MAX);
    }

    private static void probability(List<Violation> violations, String field, Double value) {
        if (value == null) {
            violations.add(new Violation(FIELD + "." + field, "is required"));
        } else if (!inBounds(value)) {
            violations.add(new Violation(FIELD + "." + field, "must be from " + LOWEST_BOUND + " to 1"));
        }
    }

    private static boolean inBounds(Double value) {
        return value != null && value >= LOWEST_BOUND && value <= 1.0;
    }
}
