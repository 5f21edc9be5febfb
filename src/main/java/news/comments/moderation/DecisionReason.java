package news.comments.moderation;

import news.comments.web.InvalidRequestException;

import java.util.regex.Pattern;

/**
 * A moderator's reason for a decision, cleaned at the door: control characters out (as in a comment body:
 * PostgreSQL refuses a NUL byte in text outright), trimmed, blank as none, at most {@link #MAX} characters.
 */
final class DecisionReason {

    static final int MAX = 2000;
    private static final Pattern CONTROL_EXCEPT_NEWLINE = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private DecisionReason() {
    }

    /** The cleaned reason, or null for none. */
    static String parse(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String trimmed = CONTROL_EXCEPT_NEWLINE.matcher(reason).replaceAll("").strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX) {
            throw InvalidRequestException.of("reason", "must be at most " + MAX + " characters");
        }
        return trimmed;
    }
}
