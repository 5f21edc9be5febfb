package news.comments.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.backup.BackupPart;
import news.comments.backup.BackupRecords;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Readers' reports in the service's export: the comment, reason, note, when, whether still open, and the keyed hash
 * of the reporter's IP (never the IP). Restored onto the restored comment; the IP's hash only when the file's keyed
 * hashes were made under this service's secret (else it could not match, and is left out: the report counts, but
 * does not stop that reader from reporting the comment again).
 */
@ApplicationScoped
class ReportBackup implements BackupPart {

    private static final int PAGE = 500;

    private final ReportRepository reports;

    ReportBackup(ReportRepository reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public void export(JsonGenerator json, CommentKeys keys) throws IOException {
        BackupRecords.inPages(PAGE, after -> reports.pageAfter(after, PAGE), report -> report.id, page -> {
            Map<Long, String> commentKeys = keys.of(page.stream().map(report -> report.commentId).toList());
            for (Report report : page) {
                json.writeStartObject();
                json.writeStringField("comment", commentKeys.get(report.commentId));
                json.writeStringField("reason", report.reason);
                json.writeStringField("note", report.note);
                json.writeStringField("ipKey", report.ipKey);
                BackupRecords.time(json, "createdAt", report.createdAt);
                json.writeBooleanField("open", report.open);
                json.writeEndObject();
            }
        });
    }

    @Override
    public Restored restore(JsonNode record, Restore context, boolean dryRun) {
        String key = BackupRecords.text(record, "comment");
        Long commentId = key == null ? null : context.commentId(key).orElse(null);
        String reason = BackupRecords.text(record, "reason");
        Instant at = BackupRecords.time(record, "createdAt");
        if (commentId == null) {
            return Restored.failed("the reported comment is not here");
        }
        if (reason == null || !ReportService.REASONS.contains(reason) || at == null) {
            return Restored.failed("a report needs a known reason and createdAt");
        }
        String ipKey = context.sameKeyedHashes() ? BackupRecords.text(record, "ipKey") : null;
        if (reports.restoredAlready(commentId, ipKey, reason, at)) {
            return Restored.skipped("this report is here already");
        }
        if (!dryRun) {
            Report report = new Report();
            report.commentId = commentId;
            report.reason = reason;
            report.note = BackupRecords.text(record, "note");
            report.ipKey = ipKey;
            report.createdAt = at;
            report.open = BackupRecords.flag(record, "open");
            reports.persist(report);
        }
        return Restored.CREATED;
    }
}
