package news.comments.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import as admins follow it: {@code status} QUEUED, RUNNING (in {@code phase} CHECKING: the whole file is read
 * once before anything is stored; then WRITING), DONE or FAILED; whether it was a {@code dryRun} (nothing stored:
 * the counts say what would be); the {@code urlMap} it applied; progress in bytes of the file (of the current phase);
 * articles and comments created, skipped (already here) and failed, with what was assumed on the way (articles named
 * by a fallback id or made for a missing thread, comments without a status held); pingbacks, trackbacks and editorial
 * notes skipped; the {@code recovery} the file needed (an undeclared namespace prefix); each failed element and each
 * warning with its line and column (the first 1000 of each); a restore's counts per part; and for a file that turned
 * out malformed, the {@code error} with where it is. Comments are not listed: this view carries no personal data.
 */
public record ImportJobView(long id, String format, String status, String phase, String articleIdFrom, boolean train,
                            boolean dryRun, List<UrlRule> urlMap, long bytesTotal, long bytesRead,
                            ArticleTally articles, CommentTally comments, int pingsSkipped, int notesSkipped,
                            Map<String, Tally> parts, RecoveryView recovery, List<FailureView> failures,
                            List<FailureView> warnings, ErrorView error, Instant createdAt, Instant startedAt,
                            Instant finishedAt) {

    /** Created, skipped because already there, failed. */
    public record Tally(int created, int skipped, int failed) {
    }

    /** Articles: and how many were named by a fallback id, or made from a thread the file lacks. */
    public record ArticleTally(int created, int skipped, int failed, int idFallbacks, int missingThreads) {
    }

    /** Comments: and how many had no status in the file and were held as PENDING. */
    public record CommentTally(int created, int skipped, int failed, int withoutStatus) {
    }

    /** One {@code urlFrom} → {@code urlTo} pair. */
    public record UrlRule(String from, String to) {
    }

    /** What the importer repaired to read the file, and where it first met it. */
    public record RecoveryView(String detail, List<String> prefixes, Integer line, Integer column) {
    }

    /** One element that was not imported (or was, under an assumption): where it starts in the file, which, why. */
    public record FailureView(int line, int column, String element, String sourceId, String reason) {
    }

    /** Why the whole import stopped (a malformed file stores nothing), and where. */
    public record ErrorView(String detail, Integer line, Integer column) {
    }
}
