package news.comments.web;

import java.util.List;
import java.util.Map;

/**
 * A refusal the service means to give: it carries its problem type and a detail that is safe to show to the caller.
 * Feature packages subclass it (closed article, stale version, …); {@link ProblemMappers} turns it into a response.
 */
public class DomainException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.Violation> violations;

    public DomainException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public DomainException(ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = violations;
    }

    public ProblemType type() {
        return type;
    }

    public Problem problem() {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), violations, extensions());
    }

    /** Members of the problem document beyond the standard ones; none by default. */
    protected Map<String, Object> extensions() {
        return Map.of();
    }

    /** Extra response headers, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
