package news.comments.comment;

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

import java.time.Instant;

/**
 * One line of a comment's history: who moved it from which status to which, when and why. Never changed. Written
 * only by {@link Comment}'s state changes, which {@link CommentLifecycle} drives. (The table keeps its first name.)
 * Who is a name and its kind ({@link Actor.Kind}): the name alone would not tell a moderator's account from the
 * service's own {@code system}, {@code author} or {@code import}.
 */
@Entity
@Table(name = "moderation_event")
public class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comment_id")
    private Comment comment;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false)
    private Actor.Kind actorKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private CommentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private CommentStatus toStatus;

    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected HistoryEntry() {
    }

    HistoryEntry(Comment comment, Actor actor, CommentStatus fromStatus, CommentStatus toStatus, String reason,
                 Instant createdAt) {
        this.comment = comment;
        this.actor = actor.name();
        this.actorKind = actor.kind();
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
        this.createdAt = createdAt;
    }

    /** Erasure of an address is the one change a history line allows: the address is cut out of its reason. */
    void redact(String address) {
        reason = Comment.withoutAddress(reason, address);
    }

    public String actor() {
        return actor;
    }

    public Actor.Kind actorKind() {
        return actorKind;
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
