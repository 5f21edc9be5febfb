package news.comments.commenter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.backup.BackupPart;
import news.comments.backup.BackupRecords;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The comments whose author confirmed the verification link mailed for them, in the service's export: the proof that
 * mail about the comment may go to its author survives a restore.
 */
@ApplicationScoped
class ConfirmedCommentBackup implements BackupPart {

    private static final int PAGE = 500;

    private final CommenterRecords records;

    ConfirmedCommentBackup(CommenterRecords records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "confirmedComments";
    }

    @Override
    public void export(JsonGenerator json, CommentKeys keys) throws IOException {
        BackupRecords.inPages(PAGE, after -> records.confirmationsAfter(after, PAGE),
                CommenterRecords.Confirmation::commentId, page -> {
            Map<Long, String> commentKeys = keys.of(page.stream().map(CommenterRecords.Confirmation::commentId)
                    .toList());
            for (CommenterRecords.Confirmation confirmation : page) {
                json.writeStartObject();
                json.writeStringField("comment", commentKeys.get(confirmation.commentId()));
                BackupRecords.time(json, "confirmedAt", confirmation.confirmedAt());
                json.writeEndObject();
            }
        });
    }

    @Override
    public Restored restore(JsonNode record, Restore context, boolean dryRun) {
        String key = BackupRecords.text(record, "comment");
        Long commentId = key == null ? null : context.commentId(key).orElse(null);
        Instant at = BackupRecords.time(record, "confirmedAt");
        if (commentId == null || at == null) {
            return Restored.failed("the confirmed comment is not here");
        }
        if (records.confirmed(commentId)) {
            return Restored.skipped("confirmed here already");
        }
        if (!dryRun) {
            records.confirm(commentId, at);
        }
        return Restored.CREATED;
    }
}
