package news.comments.ban;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;

/**
 * A banned author: the keyed hash of their email ({@code infra/KeyedHashes}), which is what matches, and the email
 * itself (lower-cased) for moderators until the address is erased; their IP when the moderator chose to ban it too.
 */
@Entity
@Table(name = "ban")
public class Ban {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null once the address was erased; the hash keeps the ban working. */
    @Column(name = "email_lc")
    private String email;

    @Column(name = "email_hash", nullable = false)
    private String emailHash;

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

    Ban(String email, String emailHash, String ip, String reason, Long commentId, String createdBy,
        Instant createdAt) {
        this.email = email == null ? null : email.toLowerCase(Locale.ROOT);
        this.emailHash = emailHash;
        this.ip = ip;
        this.reason = reason;
        this.commentId = commentId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Whether the ban is on the address whose keyed hash this is. */
    public boolean matchesEmailHash(String otherHash) {
        return emailHash.equals(otherHash);
    }

    /** Erasure: the address goes from the ban (if it is this one's) and from its reason; the hash stays. */
    void forget(String erasedHash, String address, String replacement) {
        if (emailHash.equals(erasedHash)) {
            email = null;
        }
        if (reason != null) {
            reason = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(address),
                    java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE)
                    .matcher(reason).replaceAll(java.util.regex.Matcher.quoteReplacement(replacement));
        }
    }

    public Long id() {
        return id;
    }

    String emailHash() {
        return emailHash;
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
