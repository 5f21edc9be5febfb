package news.comments.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import news.comments.comment.Comment;
import news.comments.comment.CommentStatus;

import java.time.Instant;

/** One line of a comment's history: who moved it from which status to which, when and why. Never changed. */
@Entity
@Table(name = "moderation_event")
public class ModerationEvent {

    /** The actor of decisions the service made itself. */
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comment_id")
    private Comment comment;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private CommentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private CommentStatus toStatus;

    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ModerationEvent() {
    }

    public ModerationEvent(Comment comment, String actor, CommentStatus fromStatus, CommentStatus toStatus,
                           String reason, Instant createdAt) {
        this.comment = comment;
        this.actor = actor;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
        this.createdAt = createdAt;
    }

    public String actor() {
        return actor;
    }

    public CommentStatus fromStatus() {
        return fromStatus;
    }

    public CommentStatus toStatus() {
        return toStatus;
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
