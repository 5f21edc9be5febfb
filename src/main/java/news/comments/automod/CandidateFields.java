package news.comments.automod;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The fields of a new comment that word lists search, under the names used in explanations. */
final class CandidateFields {

    private CandidateFields() {
    }

    static Map<String, String> of(Candidate candidate) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", candidate.authorName());
        fields.put("email", candidate.authorEmail());
        fields.put("website", candidate.authorUrl());
        fields.put("body", candidate.body());
        fields.put("IP", candidate.ip());
        fields.put("user agent", candidate.userAgent());
        return fields;
    }

    /** The first listed word found in any field, as {@code "word" in field}. */
    static Optional<String> firstWord(WordMatcher matcher, Candidate candidate) {
        for (Map.Entry<String, String> field : of(candidate).entrySet()) {
            Optional<String> word = matcher.firstIn(field.getValue());
            if (word.isPresent()) {
                return Optional.of("\"" + word.get() + "\" in " + field.getKey());
            }
        }
        return Optional.empty();
    }
}
