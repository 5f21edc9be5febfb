package news.comments.automod;

import news.comments.web.Problem.Violation;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The part of the admins' settings document that the rules own, as admins send it: every field may be missing or
 * wrong until {@link #violations} has passed. {@link RuleSettings#compile} turns it into what the rules run on.
 */
public record RuleValues(Integer maxLinks, List<String> holdWords, List<String> blockWords, List<String> blockEmails,
                         List<String> blockIps, Boolean trustReturningCommenters, Integer floodSeconds,
                         String honeypotField) {

    public static final int LIST_MAX = 5000;
    public static final int ENTRY_MAX = 200;
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,49}");
    private static final Set<String> FORM_FIELDS = Set.of("authorName", "authorEmail", "authorUrl", "body",
            "parentId", "commenterKey", "notifyReplies", "notifyPublished", "pageUrl", "pageTitle");

    /** Adds a violation for every broken field, so an admin's form can mark them all. */
    public void check(List<Violation> violations) {
        range(violations, "maxLinks", maxLinks, 0, 1000);
        words(violations, "holdWords", holdWords);
        words(violations, "blockWords", blockWords);
        entries(violations, "blockEmails", blockEmails, EmailBlocks::isValid, "must be an address or @domain");
        entries(violations, "blockIps", blockIps, IpRanges::isValid, "must be an IP address or a CIDR range");
        if (trustReturningCommenters == null) {
            violations.add(new Violation("trustReturningCommenters", "is required"));
        }
        range(violations, "floodSeconds", floodSeconds, 0, 86_400);
        if (honeypotField == null) {
            violations.add(new Violation("honeypotField", "is required"));
        } else if (!FIELD_NAME.matcher(honeypotField).matches() || FORM_FIELDS.contains(honeypotField)) {
            violations.add(new Violation("honeypotField",
                    "must be a field name (a letter, then up to 49 letters, digits, '_' or '-') that the form "
                            + "does not already use"));
        }
    }

    /** The same values with list entries trimmed and repeated ones dropped, as they are stored. */
    public RuleValues normalized() {
        return new RuleValues(maxLinks, trim(holdWords), trim(blockWords), trim(blockEmails), trim(blockIps),
                trustReturningCommenters, floodSeconds, honeypotField);
    }

    /** A whole number from {@code min} to {@code max}; shared by every part of the settings document. */
    public static void range(List<Violation> violations, String field, Integer value, int min, int max) {
        if (value == null) {
            violations.add(new Violation(field, "is required"));
        } else if (value < min || value > max) {
            violations.add(new Violation(field, "must be from " + min + " to " + max));
        }
    }

    private static void words(List<Violation> violations, String field, List<String> values) {
        entries(violations, field, values, w -> !WordMatcher.fold(w).isEmpty(), "must not be blank");
    }

    private static void entries(List<Violation> violations, String field, List<String> values,
                                Predicate<String> valid, String message) {
        if (values == null) {
            violations.add(new Violation(field, "is required (send [] for none)"));
            return;
        }
        if (values.size() > LIST_MAX) {
            violations.add(new Violation(field, "must have at most " + LIST_MAX + " entries"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.length() > ENTRY_MAX || !valid.test(value)) {
                violations.add(new Violation(field + "[" + i + "]", value != null && value.length() > ENTRY_MAX
                        ? "must be at most " + ENTRY_MAX + " characters" : message));
            }
        }
    }

    private static List<String> trim(List<String> values) {
        return values.stream().map(String::strip).distinct().toList();
    }
}
