package news.comments.automod;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How listed words match: case, accents, compatibility forms, whole words, phrases. */
class WordMatcherTest {

    private final WordMatcher matcher = new WordMatcher(List.of("casino", "Élan", "buy now", "ass", "東京"));

    @Test
    void shouldMatchInAnyCase() {
        assertEquals(Optional.of("casino"), matcher.firstIn("CaSiNo night"));
    }

    @Test
    void shouldMatchWithOrWithoutAccents() {
        assertEquals(Optional.of("casino"), matcher.firstIn("cásìnö"));
        assertEquals(Optional.of("Élan"), matcher.firstIn("elan vital"));
        assertEquals(Optional.of("Élan"), matcher.firstIn("ÉLAN"));
    }

    @Test
    void shouldMatchCompatibilityForms() {
        assertEquals(Optional.of("casino"), matcher.firstIn("ｃａｓｉｎｏ"));
    }

    @Test
    void shouldMatchWholeWordsOnly() {
        assertEquals(Optional.empty(), matcher.firstIn("a class act"));
        assertEquals(Optional.empty(), matcher.firstIn("casinos"));
        assertEquals(Optional.empty(), matcher.firstIn("occasionally"));
        assertEquals(Optional.empty(), matcher.firstIn("casino2"));
        assertEquals(Optional.of("casino"), matcher.firstIn("casino!"));
        assertEquals(Optional.of("casino"), matcher.firstIn("(casino)"));
        assertEquals(Optional.of("casino"), matcher.firstIn("win@casino.example"));
        assertEquals(Optional.of("ass"), matcher.firstIn("you ass."));
    }

    @Test
    void shouldMatchPhrasesAcrossAnyWhiteSpace() {
        assertEquals(Optional.of("buy now"), matcher.firstIn("Buy \n\t now!"));
        assertEquals(Optional.empty(), matcher.firstIn("buynow"));
    }

    @Test
    void shouldMatchScriptsWithoutSpacesAsWholeRuns() {
        assertEquals(Optional.of("東京"), matcher.firstIn("in 東京 today"));
    }

    @Test
    void shouldMatchNothingInEmptyText() {
        assertEquals(Optional.empty(), matcher.firstIn(""));
        assertEquals(Optional.empty(), matcher.firstIn(null));
        assertEquals(Optional.empty(), new WordMatcher(List.of()).firstIn("casino"));
    }
}
