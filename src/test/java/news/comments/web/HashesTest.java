package news.comments.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The stored forms of a lookup key: the whole SHA-256 in hex, or its first 64 bits as a BIGINT. */
class HashesTest {

    @Test
    void shouldGiveTheStandardSha256InLowerCaseHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hashes.sha256Hex("abc"));
    }

    @Test
    void shouldGiveTheHashsFirstEightBytesBigEndianAsALong() {
        // ba7816bf8f01cfea, the same hash's first 16 hex digits, read as a signed 64-bit number
        assertEquals(0xba7816bf8f01cfeaL, Hashes.sha256Long("abc"));
        assertEquals(-5010229573455851542L, Hashes.sha256Long("abc"));
    }

    @Test
    void shouldHashTheUtf8BytesSoCaseAndAccentsMakeDifferentKeys() {
        assertEquals(5375421630974772051L, Hashes.sha256Long("é"));
        assertNotEquals(Hashes.sha256Long("email:reader@example.org"), Hashes.sha256Long("email:Reader@example.org"));
    }
}
