package news.comments.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * An opaque keyset position: the (created time, id) of the last item of a page. Clients pass it back as {@code after};
 * they cannot read it and need not. A cursor that does not decode is the caller's error (400), not ours.
 */
public record Cursor(Instant createdAt, long id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        long micros = Math.addExact(Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L),
                createdAt.getNano() / 1_000L);
        return ENCODER.encodeToString((micros + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** Decodes {@code after}; empty when there is none, a 400 problem naming the parameter when it is not ours. */
    public static Optional<Cursor> decode(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(DECODER.decode(raw), StandardCharsets.US_ASCII);
            int dot = text.indexOf('.');
            long micros = Long.parseLong(text.substring(0, dot));
            long id = Long.parseLong(text.substring(dot + 1));
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L);
            return Optional.of(new Cursor(at, id));
        } catch (RuntimeException e) {
            throw InvalidRequestException.of(field, "is not a cursor this service gave out");
        }
    }
}
