package news.comments.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A reader's report on a published comment. One per comment per IP (report_once_per_ip_key), recognised by the keyed
 * hash of the IP ({@code infra/KeyedHashes}): the reporter's IP itself is never stored.
 */
@Entity
@Table(name = "report")
class Report {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "comment_id", nullable = false)
    long commentId;

    @Column(nullable = false)
    String reason;

    String note;

    @Column(name = "ip_key")
    String ipKey;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "still_open", nullable = false)
    boolean open;

    @Override
    public String toString() {
        return "Report[" + id + " on " + commentId + "]";
    }
}
