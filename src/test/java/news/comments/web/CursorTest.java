package news.comments.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void shouldRoundTripATimeToTheMicrosecond() {
        Instant at = Instant.parse("2026-11-28T02:38:25.123456Z");
        Cursor cursor = Cursor.decode("after", Cursor.at(at, 42).encode()).orElseThrow();
        assertEquals(at, cursor.time());
        assertEquals(42, cursor.id());
    }

    @Test
    void shouldRoundTripTimesBeforeTheEpoch() {
        Instant at = Instant.parse("1969-12-31T23:59:59.999999Z");
        assertEquals(at, Cursor.decode("after", Cursor.at(at, 1).encode()).orElseThrow().time());
    }

    @Test
    void shouldRefuseWhatItDidNotIssueNamingTheParameter() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Cursor.decode("after", "bm90LWEtY3Vyc29y"));
        assertEquals("after", e.problem().violations().get(0).field());
        assertThrows(InvalidRequestException.class, () -> Cursor.decode("after", "%%%"));
    }

    @Test
    void shouldTreatNoCursorAsTheFirstPage() {
        assertEquals(java.util.Optional.empty(), Cursor.decode("after", null));
        assertEquals(java.util.Optional.empty(), Cursor.decode("after", ""));
    }
}
