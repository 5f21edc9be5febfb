package news.comments.imports;

import news.comments.web.InvalidRequestException;
import news.comments.web.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code urlFrom}/{@code urlTo} pairs of an import: for a site that changed its domain or scheme, every article
 * address of the file that starts with a {@code urlFrom} gets that start replaced by its {@code urlTo} (the longest
 * {@code urlFrom} that matches wins), before the article ids that come from addresses are made. Remark42's URL
 * mapper does the same with its {@code *} rules; Isso's thread paths become full addresses with {@code urlFrom=/}.
 */
record UrlMap(List<Rule> rules) {

    static final int MAX_RULES = 100;
    static final int MAX_LENGTH = 2000;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** One replacement: an address starting with {@code from} starts with {@code to} instead. */
    record Rule(String from, String to) {
    }

    static final UrlMap NONE = new UrlMap(List.of());

    /** The pairs of the request's repeated {@code urlFrom} and {@code urlTo}, in order; each must have its partner. */
    static UrlMap parse(List<String> from, List<String> to, List<Problem.Violation> violations) {
        List<String> froms = from == null ? List.of() : from;
        List<String> tos = to == null ? List.of() : to;
        if (froms.size() != tos.size()) {
            violations.add(new Problem.Violation(froms.size() < tos.size() ? "urlFrom" : "urlTo",
                    "urlFrom and urlTo come in pairs: " + froms.size() + " urlFrom, " + tos.size() + " urlTo"));
            return NONE;
        }
        if (froms.size() > MAX_RULES) {
            violations.add(new Problem.Violation("urlFrom", "at most " + MAX_RULES + " pairs"));
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < froms.size(); i++) {
            String f = froms.get(i) == null ? "" : froms.get(i).strip();
            String t = tos.get(i) == null ? "" : tos.get(i).strip();
            if (!usable(f)) {
                violations.add(new Problem.Violation("urlFrom", "must be the start of an address, 1 to "
                        + MAX_LENGTH + " characters without control characters"));
            } else if (!usable(t)) {
                violations.add(new Problem.Violation("urlTo", "must be an address start, 1 to " + MAX_LENGTH
                        + " characters without control characters"));
            } else {
                rules.add(new Rule(f, t));
            }
        }
        rules.sort(Comparator.comparingInt((Rule rule) -> rule.from().length()).reversed());
        return new UrlMap(List.copyOf(rules));
    }

    private static boolean usable(String value) {
        return !value.isEmpty() && value.length() <= MAX_LENGTH && !CONTROL.matcher(value).find();
    }

    /** Throws the 400 problem when any pair was refused. */
    static void check(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    /** The address moved by the first (longest) matching rule, or as it is. */
    String apply(String url) {
        if (url == null || rules.isEmpty()) {
            return url;
        }
        String stripped = url.strip();
        for (Rule rule : rules) {
            if (stripped.startsWith(rule.from())) {
                return rule.to() + stripped.substring(rule.from().length());
            }
        }
        return url;
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }
}
