package news.comments.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is a stable relative URI (such as {@code /problems/validation}) that
 * clients may switch on; {@code detail} is for people and never carries an email, IP, user agent, class name or SQL.
 * {@code extensions} are further members of the document (RFC 9457, section 3.2), such as what a comment became
 * when a decision came too late; they are as safe as the detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> violations,
                      @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, List<Violation> violations) {
        this(type, title, status, detail, violations, Map.of());
    }

    /** One failing field, named as in the JSON request (or the query parameter's name). */
    public record Violation(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null);
    }
}
