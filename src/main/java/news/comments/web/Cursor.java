package news.comments.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * An opaque keyset position: the sort key and id of the last item of a page (the key is a time in microseconds, or
 * a count for lists sorted by count). Clients pass it back as {@code after}; they cannot read it and need not. A
 * cursor that does not decode is the caller's error (400), not ours. Lists sorted by a text key (articles, by id)
 * use {@link #encodeKey} and {@link #decodeKey}, the same codec for one text.
 */
public record Cursor(long position, long id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static Cursor at(Instant time, long id) {
        long micros = Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000L);
        return new Cursor(micros, id);
    }

    public Instant time() {
        return Instant.ofEpochSecond(Math.floorDiv(position, 1_000_000L),
                Math.floorMod(position, 1_000_000L) * 1_000L);
    }

    public String encode() {
        return ENCODER.encodeToString((position + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor of a list sorted by a text key: after the item whose key is {@code key}. */
    public static String encodeKey(String key) {
        return ENCODER.encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a text key's {@code after}; empty when there is none, a 400 problem when it is not ours. */
    public static Optional<String> decodeKey(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            String key = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(DECODER.decode(raw))).toString();
            if (!key.isEmpty()) {
                return Optional.of(key);
            }
        } catch (RuntimeException | CharacterCodingException e) {
            // told below, as an empty key is
        }
        throw InvalidRequestException.of(field, "is not a cursor this service gave out");
    }

    /** Decodes {@code after}; empty when there is none, a 400 problem naming the parameter when it is not ours. */
    public static Optional<Cursor> decode(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(DECODER.decode(raw), StandardCharsets.US_ASCII);
            int dot = text.indexOf('.');
            return Optional.of(new Cursor(Long.parseLong(text.substring(0, dot)),
                    Long.parseLong(text.substring(dot + 1))));
        } catch (RuntimeException e) {
            throw InvalidRequestException.of(field, "is not a cursor this service gave out");
        }
    }
}
