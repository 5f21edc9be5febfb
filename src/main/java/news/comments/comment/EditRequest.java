package news.comments.comment;

/** The body of {@code PATCH /api/comments/{id}}: the author's new text; nothing else of a comment can be edited. */
public record EditRequest(String body) {
}
