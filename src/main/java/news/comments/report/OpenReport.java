package news.comments.report;

import java.time.Instant;

/** An open report as moderators see it. The reporter's IP stays in the database: it only limits reports. */
public record OpenReport(String reason, String note, Instant createdAt) {
}
