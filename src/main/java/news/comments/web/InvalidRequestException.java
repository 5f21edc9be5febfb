package news.comments.web;

import java.util.List;

/** A request whose fields break the rules; every failing field is named at once. */
public class InvalidRequestException extends DomainException {

    public InvalidRequestException(List<Problem.Violation> violations) {
        super(ProblemType.VALIDATION, violations.size() == 1
                ? "1 field is invalid"
                : violations.size() + " fields are invalid", List.copyOf(violations));
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new Problem.Violation(field, message)));
    }
}
