package news.comments.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An import job's row: created here, then advanced by {@link ImportJobs}' updates (one statement per batch, which
 * the worker writes while admins read the row), and read back whole for the admins' view.
 */
@Entity
@Table(name = "import_job")
class ImportJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String format;

    @Column(nullable = false)
    String status = "QUEUED";

    String phase;

    @Column(name = "article_id_from", nullable = false)
    String articleIdFrom;

    @Column(nullable = false)
    boolean train;

    @Column(name = "dry_run", nullable = false)
    boolean dryRun;

    /** The urlFrom/urlTo pairs, as JSON. */
    @Column(name = "url_map")
    String urlMap;

    @Column(name = "bytes_total", nullable = false)
    long bytesTotal;

    @Column(name = "bytes_read", nullable = false)
    long bytesRead;

    @Column(name = "articles_created", nullable = false)
    int articlesCreated;

    @Column(name = "articles_skipped", nullable = false)
    int articlesSkipped;

    @Column(name = "articles_failed", nullable = false)
    int articlesFailed;

    @Column(name = "id_fallbacks", nullable = false)
    int idFallbacks;

    @Column(name = "missing_threads", nullable = false)
    int missingThreads;

    @Column(name = "comments_created", nullable = false)
    int commentsCreated;

    @Column(name = "comments_skipped", nullable = false)
    int commentsSkipped;

    @Column(name = "comments_failed", nullable = false)
    int commentsFailed;

    @Column(name = "without_status", nullable = false)
    int withoutStatus;

    @Column(name = "pings_skipped", nullable = false)
    int pingsSkipped;

    @Column(name = "notes_skipped", nullable = false)
    int notesSkipped;

    /** A restore's counts per part, as JSON. */
    String parts;

    /** The repair the file needed, as JSON. */
    String recovery;

    String error;

    @Column(name = "error_line")
    Integer errorLine;

    @Column(name = "error_column")
    Integer errorColumn;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    /** Touched by the instance that holds the job; an old one on an unfinished job means that instance is gone. */
    @Column(name = "heartbeat_at")
    Instant heartbeatAt;

    @Override
    public String toString() {
        return "ImportJob[" + id + "]";
    }
}
