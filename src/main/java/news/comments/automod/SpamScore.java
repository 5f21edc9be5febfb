package news.comments.automod;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The learned filter's opinion of one comment: the spam probability (0-1), how many decisions of each class the model
 * had learned when it judged, and the tokens that weighed most, strongest first, each with its own spam probability.
 */
public record SpamScore(double probability, long hamLearned, long spamLearned, List<Clue> clues) {

    /** One token and the spam probability the model gives it alone. */
    public record Clue(String token, double probability) {
    }

    /** Whether the model has learned enough of both classes for its score to count. */
    public boolean trainedWith(int minTraining) {
        return hamLearned >= minTraining && spamLearned >= minTraining;
    }

    /** The clues as a moderator reads them: {@code "cheap" 0.99, "link:pills.example" 0.98}. */
    public String explained(int most) {
        return clues.stream().limit(most)
                .map(c -> "\"" + c.token() + "\" " + format(c.probability()))
                .collect(Collectors.joining(", "));
    }

    /** Three decimals, never rounded up to 1.000 or down to 0.000 unless it is exactly that. */
    public static String format(double probability) {
        double shown = Math.floor(probability * 1000) / 1000;
        if (probability > 0 && shown == 0) {
            shown = 0.001;
        }
        return String.format(Locale.ROOT, "%.3f", shown);
    }
}
