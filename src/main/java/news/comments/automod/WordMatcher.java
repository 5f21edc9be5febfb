package news.comments.automod;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds listed words and phrases in text the way a moderator means them:
 * <ul>
 * <li>case does not matter ({@code Casino} = {@code casino}, {@code ÉLAN} = {@code élan});</li>
 * <li>accents and compatibility forms do not matter ({@code cásino} and full-width {@code ｃａｓｉｎｏ} match
 * {@code casino}), so a spammer cannot slip past with a look-alike letter;</li>
 * <li>whole words only: the letters or digits just before and after a match must not be letters or digits, so
 * {@code ass} does not match {@code class}, but {@code casino} matches {@code casino!} and {@code casino-king};</li>
 * <li>runs of white space count as one space, so a phrase {@code buy now} matches {@code Buy   now}.</li>
 * </ul>
 */
public final class WordMatcher {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<String> words;
    private final List<String> folded;

    public WordMatcher(List<String> words) {
        this.words = List.copyOf(words);
        this.folded = words.stream().map(WordMatcher::fold).toList();
    }

    /** The first listed word found in {@code text}, as it was listed. */
    public Optional<String> firstIn(String text) {
        if (text == null || text.isEmpty() || words.isEmpty()) {
            return Optional.empty();
        }
        String haystack = fold(text);
        for (int i = 0; i < folded.size(); i++) {
            String needle = folded.get(i);
            if (!needle.isEmpty() && containsWord(haystack, needle)) {
                return Optional.of(words.get(i));
            }
        }
        return Optional.empty();
    }

    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip();
    }

    private static boolean containsWord(String haystack, String needle) {
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            boolean startsClean = at == 0 || !isWordChar(haystack.codePointBefore(at));
            int end = at + needle.length();
            boolean endsClean = end == haystack.length() || !isWordChar(haystack.codePointAt(end));
            if (startsClean && endsClean) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }
}
