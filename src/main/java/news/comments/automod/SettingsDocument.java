package news.comments.automod;

import news.comments.web.Problem.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The auto-moderation settings as admins read and replace them ({@code GET}/{@code PUT /api/admin/settings}). Field
 * names are the configuration keys in camelCase. A PUT must carry every field: it replaces the document whole.
 */
public record SettingsDocument(Integer maxLinks, List<String> holdWords, List<String> blockWords,
                               List<String> blockEmails, List<String> blockIps, Boolean trustReturningCommenters,
                               Integer floodSeconds, String honeypotField, Integer closeAfterDays,
                               Integer reportsHideThreshold, String defaultModeration) {

    static final int LIST_MAX = 5000;
    static final int ENTRY_MAX = 200;
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,49}");
    private static final Set<String> FORM_FIELDS = Set.of("authorName", "authorEmail", "authorUrl", "body",
            "parentId");

    /** Every broken field at once, so an admin's form can mark them all. */
    List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        range(violations, "maxLinks", maxLinks, 0, 1000);
        words(violations, "holdWords", holdWords);
        words(violations, "blockWords", blockWords);
        entries(violations, "blockEmails", blockEmails, EmailBlocks::isValid,
                "must be an address or @domain");
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
        range(violations, "closeAfterDays", closeAfterDays, 0, 36_500);
        range(violations, "reportsHideThreshold", reportsHideThreshold, 1, 10_000);
        if (defaultModeration == null) {
            violations.add(new Violation("defaultModeration", "is required"));
        } else if (!defaultModeration.equals("PRE") && !defaultModeration.equals("POST")) {
            violations.add(new Violation("defaultModeration", "must be PRE or POST"));
        }
        return violations;
    }

    private static void range(List<Violation> violations, String field, Integer value, int min, int max) {
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
                                java.util.function.Predicate<String> valid, String message) {
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

    /** The same document with entries trimmed, as it is stored. */
    SettingsDocument normalized() {
        return new SettingsDocument(maxLinks, trim(holdWords), trim(blockWords), trim(blockEmails), trim(blockIps),
                trustReturningCommenters, floodSeconds, honeypotField, closeAfterDays, reportsHideThreshold,
                defaultModeration);
    }

    private static List<String> trim(List<String> values) {
        return values.stream().map(String::strip).distinct().toList();
    }
}
