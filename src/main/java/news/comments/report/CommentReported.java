package news.comments.report;

/**
 * A reader's report that counted, fired inside the report's transaction (a plain {@code @Observes} writes there, so
 * what it writes commits with the report). Reports below the hiding threshold change no status, so
 * {@code CommentChanged} does not tell of them; listeners such as webhooks hear them here. {@code reason} is the
 * report's category; the reader's note and IP are not carried.
 */
public record CommentReported(long commentId, String articleId, String reason, int openReports) {
}
