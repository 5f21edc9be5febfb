package news.comments.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An import job's row as it is created; its progress is then written by {@link ImportJobs}' updates. */
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

    @Column(name = "article_id_from", nullable = false)
    String articleIdFrom;

    @Column(nullable = false)
    boolean train;

    @Column(name = "bytes_total", nullable = false)
    long bytesTotal;

    @Column(name = "bytes_read", nullable = false)
    long bytesRead;

    @Column(name = "articles_created", nullable = false)
    int articlesCreated;

    @Column(name = "articles_skipped", nullable = false)
    int articlesSkipped;

    @Column(name = "comments_created", nullable = false)
    int commentsCreated;

    @Column(name = "comments_skipped", nullable = false)
    int commentsSkipped;

    @Column(name = "comments_failed", nullable = false)
    int commentsFailed;

    @Column(name = "pings_skipped", nullable = false)
    int pingsSkipped;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    /** Touched by the instance that holds the job; an old one on an unfinished job means that instance is gone. */
    @Column(name = "heartbeat_at")
    Instant heartbeatAt;

    @Override
    public String toString() {
        return "ImportJob[" + id + "]";
    }
}
