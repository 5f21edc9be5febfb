package news.comments.web;

/**
 * Parses a {@code limit} query parameter by hand, because JAX-RS turns an unparsable number into a 404 where a
 * client deserves a 400 naming the parameter.
 */
public final class PageLimit {

    private PageLimit() {
    }

    public static int parse(String raw, int defaultLimit, int maxLimit) {
        if (raw == null || raw.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw InvalidRequestException.of("limit", "must be a whole number from 1 to " + maxLimit);
    }
}
