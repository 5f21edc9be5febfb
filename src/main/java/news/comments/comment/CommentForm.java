package news.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import news.comments.web.HttpUrls;
import news.comments.web.InvalidRequestException;
import news.comments.web.Problem.Violation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of the comment form ("Required fields are marked *"). Every field is cleaned the same way first (Unicode
 * NFC, control characters removed, trimmed; blank counts as missing), then all rules run, so one 400 names every
 * failing field. Lengths count characters as people do (code points), so an emoji is one character.
 */
@ApplicationScoped
public class CommentForm {

    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    static final int URL_MAX = 200;

    /** Control characters other than line breaks and tabs; PostgreSQL refuses NUL outright. */
    private static final Pattern CONTROL_EXCEPT_NEWLINE = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Validator validator;
    private final CommentConfig config;

    CommentForm(Validator validator, CommentConfig config) {
        this.validator = validator;
        this.config = config;
    }

    /** A comment that passed the form's rules, cleaned. */
    public record Valid(String authorName, String authorEmail, String authorUrl, String body, Long parentId) {
        @Override
        public String toString() {
            return "Valid[parentId=" + parentId + "]";
        }
    }

    public Valid check(CommentRequest request) {
        if (request == null) {
            request = new CommentRequest(null, null, null, null, null);
        }
        String name = singleLine(request.authorName());
        String email = singleLine(request.authorEmail());
        String url = singleLine(request.authorUrl());
        String body = multiLine(request.body());
        List<Violation> violations = new ArrayList<>();
        if (name == null) {
            violations.add(new Violation("authorName", "is required"));
        } else if (length(name) > NAME_MAX) {
            violations.add(new Violation("authorName", "must be at most " + NAME_MAX + " characters"));
        }
        if (email == null) {
            violations.add(new Violation("authorEmail", "is required"));
        } else if (length(email) > EMAIL_MAX) {
            violations.add(new Violation("authorEmail", "must be at most " + EMAIL_MAX + " characters"));
        } else if (!validator.validateValue(EmailCheck.class, "value", email).isEmpty()) {
            violations.add(new Violation("authorEmail", "must be a valid email address"));
        }
        if (url != null) {
            if (length(url) > URL_MAX) {
                violations.add(new Violation("authorUrl", "must be at most " + URL_MAX + " characters"));
            } else if (!HttpUrls.isHttpUrl(url)) {
                violations.add(new Violation("authorUrl", "must be an http or https address"));
            }
        }
        int bodyMax = config.body().maxLength();
        if (body == null) {
            violations.add(new Violation("body", "is required"));
        } else if (length(body) > bodyMax) {
            violations.add(new Violation("body", "must be at most " + bodyMax + " characters"));
        }
        if (request.parentId() != null && request.parentId() <= 0) {
            violations.add(new Violation("parentId", "must be the id of a comment"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new Valid(name, email, url, body, request.parentId());
    }

    /** The rules of the body alone, for an author's edit: the body cleaned, or a 400 naming {@code body}. */
    public String checkBody(String value) {
        String body = multiLine(value);
        int bodyMax = config.body().maxLength();
        if (body == null) {
            throw InvalidRequestException.of("body", "is required");
        }
        if (length(body) > bodyMax) {
            throw InvalidRequestException.of("body", "must be at most " + bodyMax + " characters");
        }
        return body;
    }

    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    private static String singleLine(String value) {
        return clean(value, CONTROL);
    }

    private static String multiLine(String value) {
        return value == null ? null : clean(value.replace("\r\n", "\n").replace('\r', '\n'), CONTROL_EXCEPT_NEWLINE);
    }

    private static String clean(String value, Pattern control) {
        if (value == null) {
            return null;
        }
        String cleaned = control.matcher(Normalizer.normalize(value, Normalizer.Form.NFC)).replaceAll("").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** Hibernate Validator's address check, plus a dot in the domain as a news site expects of a real address. */
    static final class EmailCheck {
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s.]+")
        String value;
    }
}
