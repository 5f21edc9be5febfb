package news.comments.imports;

import java.time.Instant;
import java.util.List;

/**
 * An import as admins follow it: {@code status} QUEUED, RUNNING, DONE or FAILED; progress in bytes of the file;
 * articles and comments created, skipped (already imported) and failed; pingbacks and trackbacks skipped; each
 * failed element with its line and column in the file (the first 1000); and for a file that turned out malformed,
 * the {@code error} with where it is. Comments are not listed: this view carries no personal data.
 */
public record ImportJobView(long id, String format, String status, String articleIdFrom, boolean train,
                            long bytesTotal, long bytesRead, Tally articles, Tally comments, int pingsSkipped,
                            List<FailureView> failures, ErrorView error, Instant createdAt, Instant startedAt,
                            Instant finishedAt) {

    /** Created, skipped because already there, failed. */
    public record Tally(int created, int skipped, int failed) {
    }

    /** One element that was not imported: where it starts in the file, which, and why. */
    public record FailureView(int line, int column, String element, String sourceId, String reason) {
    }

    /** Why the whole import stopped (what was read before it is kept), and where. */
    public record ErrorView(String detail, Integer line, Integer column) {
    }
}
