package news.comments.automod;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP addresses and CIDR ranges (IPv4 and IPv6), as listed in {@code blockIps}. */
public final class IpRanges {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private record Range(String listed, byte[] network, int prefix) {
    }

    private final List<Range> ranges = new ArrayList<>();

    public IpRanges(List<String> entries) {
        for (String entry : entries) {
            ranges.add(parse(entry).orElseThrow(() -> new IllegalArgumentException("not an IP or CIDR range")));
        }
    }

    /** Whether {@code entry} is an address or a CIDR range this class understands. */
    public static boolean isValid(String entry) {
        return parse(entry).isPresent();
    }

    /** The first listed entry that contains {@code ip}. */
    public Optional<String> firstContaining(String ip) {
        byte[] address = literal(ip);
        if (address == null) {
            return Optional.empty();
        }
        for (Range range : ranges) {
            if (range.network.length == address.length && samePrefix(range.network, address, range.prefix)) {
                return Optional.of(range.listed);
            }
        }
        return Optional.empty();
    }

    private static Optional<Range> parse(String entry) {
        if (entry == null) {
            return Optional.empty();
        }
        String trimmed = entry.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            return Optional.empty();
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                return Optional.empty();
            }
        }
        return Optional.of(new Range(trimmed, bytes, prefix));
    }

    /** Parses an IP literal without ever asking DNS: anything that is not shaped like one is refused first. */
    private static byte[] literal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = text.contains(":") && IPV6.matcher(text).matches();
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean samePrefix(byte[] a, byte[] b, int prefix) {
        int fullBytes = prefix / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (a[fullBytes] & mask) == (b[fullBytes] & mask);
    }
}
