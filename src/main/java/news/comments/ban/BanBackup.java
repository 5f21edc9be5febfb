package news.comments.ban;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.backup.BackupPart;
import news.comments.backup.BackupRecords;
import news.comments.infra.KeyedHashes;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * Bans in the service's export: the keyed hash of the address (what matches), the address itself while it is not
 * erased, the IP, reason, who banned and when, and the comment it was made from. Restored with the hash as it is when
 * the file's keyed hashes were made under this service's secret; else the hash is made again from the address, and
 * the ban of an erased address, whose hash cannot be made here, fails with that reason.
 */
@ApplicationScoped
class BanBackup implements BackupPart {

    private static final int PAGE = 500;

    private final BanRepository bans;
    private final KeyedHashes keyedHashes;

    BanBackup(BanRepository bans, KeyedHashes keyedHashes) {
        this.bans = bans;
        this.keyedHashes = keyedHashes;
    }

    @Override
    public String name() {
        return "bans";
    }

    @Override
    public void export(JsonGenerator json, CommentKeys keys) throws IOException {
        BackupRecords.inPages(PAGE, after -> bans.pageAfter(after, PAGE), Ban::id, page -> {
            Map<Long, String> commentKeys = keys.of(page.stream().map(Ban::commentId).filter(Objects::nonNull)
                    .toList());
            for (Ban ban : page) {
                json.writeStartObject();
                json.writeStringField("email", ban.email());
                json.writeStringField("emailHash", ban.emailHash());
                json.writeStringField("ip", ban.ip());
                json.writeStringField("reason", ban.reason());
                json.writeStringField("comment", ban.commentId() == null ? null : commentKeys.get(ban.commentId()));
                json.writeStringField("createdBy", ban.createdBy());
                BackupRecords.time(json, "createdAt", ban.createdAt());
                json.writeEndObject();
            }
        });
    }

    @Override
    public Restored restore(JsonNode record, Restore context, boolean dryRun) {
        String email = BackupRecords.text(record, "email");
        String hash = context.sameKeyedHashes() ? BackupRecords.text(record, "emailHash")
                : email == null ? null : keyedHashes.email(email);
        String by = BackupRecords.text(record, "createdBy");
        java.time.Instant at = BackupRecords.time(record, "createdAt");
        if (hash == null) {
            return Restored.failed("the ban of an erased address was made under another service's secret "
                    + "(comments.privacy.secret): it cannot match here");
        }
        if (by == null || at == null) {
            return Restored.failed("a ban needs createdBy and createdAt");
        }
        if (bans.emailBanned(hash)) {
            return Restored.skipped("this address is banned here already");
        }
        if (!dryRun) {
            String comment = BackupRecords.text(record, "comment");
            Long commentId = comment == null ? null : context.commentId(comment).orElse(null);
            bans.persist(new Ban(email, hash, BackupRecords.text(record, "ip"), BackupRecords.text(record, "reason"),
                    commentId, by, at));
        }
        return Restored.CREATED;
    }
}
