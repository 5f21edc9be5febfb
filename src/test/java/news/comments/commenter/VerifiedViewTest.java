package news.comments.commenter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** The answer of a verification holds a secret: it must not reach a log through {@code toString()}. */
class VerifiedViewTest {

    @Test
    void shouldHideTheAddressAndTheKeyWhenPrinted() {
        String printed = new VerifiedView("owner@example.org", "secret-key-value").toString();
        assertFalse(printed.contains("owner@example.org"));
        assertFalse(printed.contains("secret-key-value"));
    }
}
