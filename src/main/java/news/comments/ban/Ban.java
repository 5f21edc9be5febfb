package news.comments.ban;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;

/** A banned author: their email (lower-cased), and their IP when the moderator chose to ban it too. */
@Entity
@Table(name = "ban")
public class Ban {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "email_lc", nullable = false)
    private String email;

    private String ip;

    private String reason;

    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Ban() {
    }

    Ban(String email, String ip, String reason, Long commentId, String createdBy, Instant createdAt) {
        this.email = email.toLowerCase(Locale.ROOT);
        this.ip = ip;
        this.reason = reason;
        this.commentId = commentId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public boolean matchesEmail(String other) {
        return email.equals(other.toLowerCase(Locale.ROOT));
    }

    public Long id() {
        return id;
    }

    String email() {
        return email;
    }

    String ip() {
        return ip;
    }

    String reason() {
        return reason;
    }

    Long commentId() {
        return commentId;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Ban[" + id + "]";
    }
}
