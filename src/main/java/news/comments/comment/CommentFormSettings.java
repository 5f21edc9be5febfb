package news.comments.comment;

/**
 * What a form needs to know to match the server's rules: the honeypot field's name (a run-time setting) and the
 * length limits, so that a page checks what the server checks.
 */
public record CommentFormSettings(String honeypotField, int maxNameLength, int maxEmailLength, int maxUrlLength,
                                  int maxBodyLength, int maxDepth) {
}
