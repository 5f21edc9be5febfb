package news.comments.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * One feature's share of the service's own JSON export, the faithful backup ({@code GET /api/admin/export}): reports,
 * bans, verified addresses, settings, and whatever a later feature keeps. Each feature that keeps something of its
 * own adds one bean of this type beside its tables, and the export and the restore find it; nothing in the imports
 * package knows the feature. A part is an array of records under its {@link #name()}, written after every article
 * and comment, so a record names a comment by its export key ({@link CommentKeys}) and the restore finds it again
 * ({@link Restore#commentId}). Records hold no ids of this database: ids differ between services.
 */
public interface BackupPart {

    /** The field of the export that holds this part's array, such as {@code reports}; one per part. */
    String name();

    /**
     * Writes this part's records, one JSON object each, in an order that a restore keeps (by id), read in pages of
     * short transactions of their own: an export of millions holds one page in memory. Called outside a transaction.
     */
    void export(JsonGenerator json, CommentKeys keys) throws IOException;

    /**
     * Restores one record inside the caller's transaction, or with {@code dryRun} only decides what it would do. A
     * record already here (a restore repeated, two exports sharing an address) is skipped, never doubled.
     */
    Restored restore(JsonNode record, Restore context, boolean dryRun);

    /** The export keys of comments of this database, by id (those that no longer exist are left out). */
    interface CommentKeys {
        Map<Long, String> of(Collection<Long> commentIds);
    }

    /** What a restore knows beyond the record. */
    interface Restore {

        /** The comment of this database that an export key names, if it was restored. */
        Optional<Long> commentId(String commentKey);

        /**
         * Whether the export's keyed hashes (banned addresses, reporters' IPs) were made under this service's secret
         * ({@code comments.privacy.secret} or the generated one): only then do they match here as they are.
         */
        boolean sameKeyedHashes();
    }

    /** What became of one record: created, skipped (already here, or not to be restored here) or failed, and why. */
    record Restored(Outcome outcome, String reason) {

        public static final Restored CREATED = new Restored(Outcome.CREATED, null);

        public static Restored skipped(String reason) {
            return new Restored(Outcome.SKIPPED, reason);
        }

        public static Restored failed(String reason) {
            return new Restored(Outcome.FAILED, reason);
        }
    }

    enum Outcome {
        CREATED, SKIPPED, FAILED
    }
}
