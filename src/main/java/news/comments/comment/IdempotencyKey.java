package news.comments.comment;

import news.comments.web.InvalidRequestException;

import java.util.regex.Pattern;

/** An {@code Idempotency-Key} header as the client sent it, checked at the door: 1 to 255 visible ASCII characters. */
public record IdempotencyKey(String value) {

    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** The header's key, null when the header is absent, a 400 problem naming the header when it is malformed. */
    public static IdempotencyKey parse(String header) {
        if (header == null) {
            return null;
        }
        if (!VALID.matcher(header).matches()) {
            throw InvalidRequestException.of("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        return new IdempotencyKey(header);
    }

    @Override
    public String toString() {
        return "IdempotencyKey[redacted]";
    }
}
