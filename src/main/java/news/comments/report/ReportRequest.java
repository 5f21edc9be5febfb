package news.comments.report;

/** A reader's report: {@code reason} is spam, abuse, off-topic or other; {@code note} is optional. */
public record ReportRequest(String reason, String note) {
}
