package news.comments.automod;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Addresses and CIDR ranges, IPv4 and IPv6, at and past their bounds. */
class IpRangesTest {

    private final IpRanges ranges = new IpRanges(List.of("203.0.113.0/24", "192.0.2.7", "2001:db8::/32",
            "10.0.0.0/9"));

    @Test
    void shouldMatchAddressesInsideRangesAndAtTheirEdges() {
        assertEquals(Optional.of("203.0.113.0/24"), ranges.firstContaining("203.0.113.0"));
        assertEquals(Optional.of("203.0.113.0/24"), ranges.firstContaining("203.0.113.255"));
        assertEquals(Optional.empty(), ranges.firstContaining("203.0.114.0"));
        assertEquals(Optional.of("10.0.0.0/9"), ranges.firstContaining("10.127.255.255"));
        assertEquals(Optional.empty(), ranges.firstContaining("10.128.0.0"));
    }

    @Test
    void shouldMatchSingleAddressesExactly() {
        assertEquals(Optional.of("192.0.2.7"), ranges.firstContaining("192.0.2.7"));
        assertEquals(Optional.empty(), ranges.firstContaining("192.0.2.70"));
    }

    @Test
    void shouldMatchIpv6() {
        assertEquals(Optional.of("2001:db8::/32"), ranges.firstContaining("2001:db8:ffff::1"));
        assertEquals(Optional.of("2001:db8::/32"), ranges.firstContaining("2001:DB8::1"));
        assertEquals(Optional.empty(), ranges.firstContaining("2001:db9::1"));
    }

    @Test
    void shouldNeverMatchWhatIsNotAnAddress() {
        assertEquals(Optional.empty(), ranges.firstContaining("unknown"));
        assertEquals(Optional.empty(), ranges.firstContaining("example.org"));
    }

    @Test
    void shouldValidateEntriesWithoutAskingDns() {
        assertTrue(IpRanges.isValid("0.0.0.0/0"));
        assertTrue(IpRanges.isValid("::1"));
        assertTrue(IpRanges.isValid("2001:db8::/128"));
        assertFalse(IpRanges.isValid("10.0.0.0/33"));
        assertFalse(IpRanges.isValid("2001:db8::/129"));
        assertFalse(IpRanges.isValid("256.1.1.1"));
        assertFalse(IpRanges.isValid("localhost"));
        assertFalse(IpRanges.isValid("example.org/24"));
        assertFalse(IpRanges.isValid("10.0.0.0/-1"));
        assertFalse(IpRanges.isValid(""));
    }
}
