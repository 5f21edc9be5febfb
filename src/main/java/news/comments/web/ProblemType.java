package news.comments.web;

/** The problem types this service answers with; their URIs and statuses are part of the public contract. */
public enum ProblemType {
    VALIDATION("validation", "Invalid request", 400),
    MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
    MALFORMED_XML("malformed-xml", "Malformed XML", 400),
    LENGTH_REQUIRED("length-required", "Length required", 411),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    COMMENTS_CLOSED("comments-closed", "Comments are closed", 403),
    EDIT_WINDOW_CLOSED("edit-window-closed", "Editing time is over", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    CONCURRENT_UPDATE("concurrent-update", "Changed by someone else", 409),
    DUPLICATE_COMMENT("duplicate-comment", "Duplicate comment", 409),
    STALE_VERSION("stale-version", "Precondition failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key reused", 422),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    INVALID_TOKEN("invalid-token", "Invalid or expired token", 400),
    INTERNAL("internal", "Internal error", 500),
    UNAVAILABLE("unavailable", "Service unavailable", 503);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return "/problems/" + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
