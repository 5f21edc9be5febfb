package news.comments.comment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A reader's comment. It holds personal data (email, IP, user agent), so it is never serialized: each door builds
 * its own view from it. Its state changes are methods that keep the history; only {@link CommentLifecycle} calls them,
 * so every change is versioned, recorded and announced once.
 */
@Entity
@Table(name = "comment")
public class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_id", nullable = false)
    private String articleId;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(nullable = false)
    private int depth;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(name = "author_email", nullable = false)
    private String authorEmail;

    /** The email lower-cased, for look-ups by author. */
    @Column(name = "author_email_lc", nullable = false)
    private String authorEmailLowerCase;

    @Column(name = "author_url")
    private String authorUrl;

    @Column(name = "avatar_key", nullable = false)
    private String avatarKey;

    @Column(nullable = false)
    private String body;

    /** Rendered once when written, because it is read on every page view. */
    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CommentStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private String ip;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "moderated_by")
    private String moderatedBy;

    @Column(name = "moderated_at")
    private Instant moderatedAt;

    /** The status the auto-moderator chose when the comment arrived, or later when reports hid it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "auto_status", nullable = false)
    private CommentStatus autoStatus;

    @Column(name = "body_fingerprint", nullable = false)
    private String bodyFingerprint;

    /** The learned filter's spam probability when the comment arrived; null while it was untrained or off. */
    @Column(name = "spam_score")
    private Double spamScore;

    /** Reader reports not yet answered by a moderator's decision. */
    @Column(name = "open_reports", nullable = false)
    private int openReports;

    /** Whether the post carried the commenterKey of its address: the proof that its author owns it. */
    @Column(name = "key_matched", nullable = false)
    private boolean keyMatched;

    /** The author asked for a mail when a reply to this comment is published. */
    @Column(name = "notify_replies", nullable = false)
    private boolean notifyReplies;

    /** The author asked for a mail when a moderator publishes this comment. */
    @Column(name = "notify_published", nullable = false)
    private boolean notifyPublished;

    /** Where an imported comment came from ({@code wxr}, {@code disqus}) and its id there; null when posted here. */
    @Column(name = "source")
    private String source;

    @Column(name = "source_id")
    private String sourceId;
    /** SHA-256 of the author's editToken; null when nobody may act as the author (an erased comment). */
    @Column(name = "edit_token_hash")
    private String editTokenHash;

    /** The author's last edit, or null. */
    @Column(name = "edited_at")
    private Instant editedAt;

    /** Pinned in the system it was imported from (Remark42). */
    @Column(nullable = false)
    private boolean pinned;

    @Version
    private long version;

    @OneToMany(mappedBy = "comment", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<HistoryEntry> history = new ArrayList<>();

    /** The name an erased author's comments show. */
    public static final String ERASED_NAME = "Deleted commenter";
    /** What replaces an erased address wherever it was written. */
    public static final String ERASED_ADDRESS = "[address removed]";

    protected Comment() {
    }

    /** A new comment in its first status, with the system's decision as the first line of its history. */
    Comment(String articleId, Comment parent, Author author, String body, String bodyHtml, String avatarKey,
            String bodyFingerprint, CommentStatus status, String reason, Double spamScore, Instant createdAt) {
        this.articleId = articleId;
        this.parentId = parent == null ? null : parent.id;
        this.depth = parent == null ? 1 : parent.depth + 1;
        this.authorName = author.name();
        this.authorEmail = author.email();
        this.authorEmailLowerCase = author.email().toLowerCase(Locale.ROOT);
        this.authorUrl = author.url();
        this.ip = author.ip();
        this.userAgent = author.userAgent();
        this.avatarKey = avatarKey;
        this.body = body;
        this.bodyHtml = bodyHtml;
        this.bodyFingerprint = bodyFingerprint;
        this.status = status;
        this.autoStatus = status;
        this.spamScore = spamScore;
        this.createdAt = createdAt;
        history.add(new HistoryEntry(this, Actor.SYSTEM, null, status, reason, createdAt));
    }

    /**
     * A moderator's decision: moves the comment to {@code to}, recording who and why, and answers its open reports.
     * Deciding what it already is, with no reports open, changes nothing and answers false, so a double click adds
     * no history line and no version. Approving a reported comment again keeps its status but clears its reports.
     */
    boolean decide(CommentStatus to, Actor by, String reason, Instant now) {
        if (status == to && openReports == 0) {
            return false;
        }
        String why = reason;
        if (why == null && status == to) {
            why = "reports dismissed";
        }
        history.add(new HistoryEntry(this, by, status, to, why, now));
        this.status = to;
        this.openReports = 0;
        this.moderatedBy = by.name();
        this.moderatedAt = now;
        return true;
    }

    /** Readers' reports reached the threshold: hidden (PENDING) until a moderator decides; the reports stay open. */
    void holdForReports(String reason, Instant now) {
        history.add(new HistoryEntry(this, Actor.SYSTEM, status, CommentStatus.PENDING, reason, now));
        this.status = CommentStatus.PENDING;
        this.autoStatus = CommentStatus.PENDING;
    }

    /**
     * An imported comment: its status and time are the file's, its history the one exported with it (the service's
     * own export) or a first line by the import, and it
     * remembers its source and id there (unique together, so an import of the same file finds it).
     */
    static Comment imported(String articleId, Comment parent, Author author, String body, String bodyHtml,
                            String avatarKey, String bodyFingerprint, CommentStatus status, String source,
                            String sourceId, Instant createdAt, List<CommentLifecycle.PastChange> past,
                            boolean decisionCounts) {
        Comment comment = new Comment(articleId, parent, author, body, bodyHtml, avatarKey, bodyFingerprint, status,
                null, null, createdAt);
        comment.history.clear();
        if (past == null || past.isEmpty()) {
            comment.history.add(new HistoryEntry(comment, Actor.IMPORT, null, status,
                    "imported from " + source, createdAt));
        } else {
            for (CommentLifecycle.PastChange change : past) {
                comment.history.add(new HistoryEntry(comment, change.who(), change.from(), change.to(),
                        change.reason(), change.at()));
            }
        }
        comment.source = source;
        comment.sourceId = sourceId;
        if (decisionCounts && (status == CommentStatus.APPROVED || status == CommentStatus.SPAM
                || status == CommentStatus.REJECTED)) {
            // the old site's moderators decided it; when it was decided is unknown, so: its latest known change
            comment.moderatedBy = Actor.IMPORT.name();
            comment.moderatedAt = comment.history.get(comment.history.size() - 1).createdAt();
        }
        return comment;
    }

    /**
     * An imported comment's last decision and its author's last edit, as the exporting service had them (its own JSON
     * export), so that a restore holds what the original held; set right after it was imported. A later retrain of
     * the learned filter learns from the restored decisions, as the original's would.
     */
    public void restoreMarks(String moderatedBy, Instant moderatedAt, Instant editedAt) {
        if (source == null) {
            throw new IllegalStateException("only an imported comment has marks to restore");
        }
        if (moderatedBy != null && moderatedAt != null) {
            this.moderatedBy = moderatedBy;
            this.moderatedAt = moderatedAt;
        }
        this.editedAt = editedAt;
    }

    /**
     * What a restore (or Remark42, Isso) knows of an imported comment beyond a foreign export's fields; set before it
     * is stored. The rules' first decision, when the file has none, stays the file's status.
     */
    void restoreDetails(CommentLifecycle.ImportedDetails details) {
        this.pinned = details.pinned();
        this.keyMatched = details.keyMatched();
        this.notifyReplies = details.notifyReplies();
        this.notifyPublished = details.notifyPublished();
        if (details.autoStatus() != null) {
            this.autoStatus = details.autoStatus();
        }
        this.spamScore = details.spamScore();
        this.openReports = Math.max(0, details.openReports());
        this.editTokenHash = details.editTokenHash();
    }

    /** Pinned where it came from (Remark42); kept for the editors' picks to come. */
    public boolean pinned() {
        return pinned;
    }

    /** The hash of the author's editToken, for the service's own export (a restore keeps the author's rights). */
    public String editTokenHash() {
        return editTokenHash;
    }

    public String source() {
        return source;
    }

    public String sourceId() {
        return sourceId;
    }

    /** What the post proved and asked for; set once, as it is stored. */
    void choices(boolean keyMatched, boolean notifyReplies, boolean notifyPublished) {
        this.keyMatched = keyMatched;
        this.notifyReplies = notifyReplies;
        this.notifyPublished = notifyPublished;
    }

    /** Its address was verified: an UNVERIFIED comment takes the status the rules give it now. */
    void release(CommentStatus to, String reason, Instant now) {
        history.add(new HistoryEntry(this, Actor.SYSTEM, status, to, reason, now));
        this.status = to;
        this.autoStatus = to;
    }

    /** Binds the comment to the hash of the editToken its author received; set once, as it is stored. */
    void editToken(String hash) {
        this.editTokenHash = hash;
    }

    /** Whether {@code hash} is the hash of this comment's editToken (never true for an erased comment). */
    boolean hasEditToken(String hash) {
        return editTokenHash != null && java.security.MessageDigest.isEqual(
                editTokenHash.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                hash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The author's edit: new text and, when the rules say so, a new status; a history line either way (from = to
     * when the status stays), so moderators see every edit.
     */
    void edit(String body, String bodyHtml, String bodyFingerprint, CommentStatus to, String reason, Instant now) {
        history.add(new HistoryEntry(this, Actor.AUTHOR, status, to, reason, now));
        this.body = body;
        this.bodyHtml = bodyHtml;
        this.bodyFingerprint = bodyFingerprint;
        this.status = to;
        this.editedAt = now;
    }

    /**
     * The author took the comment back: it leaves every public view, and moderators keep it with its history.
     * Answers false when nothing changes: it already is {@code DELETED}, or it was {@link #decidedAgainst}.
     */
    boolean deleteByAuthor(Instant now) {
        if (status == CommentStatus.DELETED || decidedAgainst()) {
            return false;
        }
        history.add(new HistoryEntry(this, Actor.AUTHOR, status, CommentStatus.DELETED,
                "deleted by its author", now));
        this.status = CommentStatus.DELETED;
        return true;
    }

    /**
     * Whether moderators or rules kept it out of every public view ({@code SPAM}, {@code REJECTED}). Neither its
     * author's delete nor a deleting erasure changes that status: the decision keeps counting against the author
     * (the returning-commenter rule's spam count, the learned filter's example), and nothing public is left to take
     * back.
     */
    boolean decidedAgainst() {
        return status == CommentStatus.SPAM || status == CommentStatus.REJECTED;
    }

    /**
     * Erasure of its author's address: every personal field goes (the name becomes "Deleted commenter"), the address
     * is cut out of the text should it appear there, and nobody can act as the author any more. With
     * {@code delete}, the comment also leaves every public view and loses its text; one {@link #decidedAgainst}
     * keeps its status. A {@code SPAM} comment keeps the address's keyed hash ({@code keyedAddress}) in place of the
     * address, so that its spam still counts against the address ({@link CommentRepository#countsOf}): erasing an
     * address must not wipe its spam record. The history keeps one line.
     */
    void erase(String erasedAddress, String keyedAddress, boolean delete, String bodyHtml, String reason, Actor by,
               Instant now) {
        CommentStatus to = delete && !decidedAgainst() ? CommentStatus.DELETED : status;
        history.forEach(line -> line.redact(erasedAddress));
        history.add(new HistoryEntry(this, by, status, to, reason, now));
        this.authorName = ERASED_NAME;
        this.authorEmail = "";
        this.authorEmailLowerCase = status == CommentStatus.SPAM ? spamOf(keyedAddress) : "erased:" + id;
        this.authorUrl = null;
        this.avatarKey = null;
        this.ip = null;
        this.userAgent = null;
        this.editTokenHash = null;
        this.notifyReplies = false;
        this.notifyPublished = false;
        this.keyMatched = false;
        this.body = delete ? "" : withoutAddress(body, erasedAddress);
        this.bodyHtml = delete ? "" : bodyHtml;
        this.bodyFingerprint = "erased:" + id;
        this.status = to;
    }

    /** What an erased spam comment keeps in place of its author's address: the address's keyed hash. */
    static String spamOf(String keyedAddress) {
        return "spam-of:" + keyedAddress;
    }

    /** The text with every occurrence of the address, in any case, replaced. */
    static String withoutAddress(String text, String address) {
        if (text == null || address == null || address.isEmpty()) {
            return text;
        }
        return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(address),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE)
                .matcher(text).replaceAll(ERASED_ADDRESS);
    }

    /** The author unsubscribed from replies to this comment. */
    void stopReplyMail() {
        this.notifyReplies = false;
    }

    public boolean keyMatched() {
        return keyMatched;
    }

    public boolean notifyReplies() {
        return notifyReplies;
    }

    public boolean notifyPublished() {
        return notifyPublished;
    }

    public boolean isPublic() {
        return status == CommentStatus.APPROVED;
    }

    public Long id() {
        return id;
    }

    public String articleId() {
        return articleId;
    }

    public Long parentId() {
        return parentId;
    }

    public int depth() {
        return depth;
    }

    public String authorName() {
        return authorName;
    }

    public String authorEmail() {
        return authorEmail;
    }

    public String authorUrl() {
        return authorUrl;
    }

    public String avatarKey() {
        return avatarKey;
    }

    public String body() {
        return body;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public CommentStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String ip() {
        return ip;
    }

    public String userAgent() {
        return userAgent;
    }

    public String moderatedBy() {
        return moderatedBy;
    }

    public Instant moderatedAt() {
        return moderatedAt;
    }

    public CommentStatus autoStatus() {
        return autoStatus;
    }

    public Double spamScore() {
        return spamScore;
    }

    public int openReports() {
        return openReports;
    }

    public Instant editedAt() {
        return editedAt;
    }

    public long version() {
        return version;
    }

    public List<HistoryEntry> history() {
        return Collections.unmodifiableList(history);
    }

    /** Ids only: personal data must not reach logs. */
    @Override
    public String toString() {
        return "Comment[" + id + " on " + articleId + ", " + status + "]";
    }

    /** Who wrote a comment and from where; kept together because it is all personal data. */
    public record Author(String name, String email, String url, String ip, String userAgent) {
        @Override
        public String toString() {
            return "Author[redacted]";
        }
    }
}
