package news.comments.automod;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailBlocksTest {

    private final EmailBlocks blocks = new EmailBlocks(List.of("@spam.example", "Bad@Example.org"));

    @Test
    void shouldBlockDomainsAndTheirSubdomains() {
        assertEquals(Optional.of("@spam.example"), blocks.firstMatching("anyone@SPAM.example"));
        assertEquals(Optional.of("@spam.example"), blocks.firstMatching("anyone@mail.spam.example"));
        assertEquals(Optional.empty(), blocks.firstMatching("anyone@notspam.example"));
    }

    @Test
    void shouldBlockExactAddressesInAnyCase() {
        assertEquals(Optional.of("bad@example.org"), blocks.firstMatching("BAD@example.ORG"));
        assertEquals(Optional.empty(), blocks.firstMatching("good@example.org"));
    }

    @Test
    void shouldValidateEntries() {
        assertTrue(EmailBlocks.isValid("@example.org"));
        assertTrue(EmailBlocks.isValid("a@example.org"));
        assertFalse(EmailBlocks.isValid("example.org"));
        assertFalse(EmailBlocks.isValid("@example"));
        assertFalse(EmailBlocks.isValid("a b@example.org"));
    }
}
