package news.comments.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** An article of the site, keyed by the site's own id; comments hang off it. */
@Entity
@Table(name = "article")
public class Article {

    @Id
    private String id;

    private String title;

    private String url;

    @Column(name = "comments_open", nullable = false)
    private boolean commentsOpen;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ModerationMode moderation;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Article() {
    }

    public Article(String id, String title, String url, boolean commentsOpen, ModerationMode moderation,
                   Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
        describe(title, url, commentsOpen, moderation);
    }

    /** Replaces what an admin may set; the id and creation time never change. */
    public void describe(String title, String url, boolean commentsOpen, ModerationMode moderation) {
        this.title = title;
        this.url = url;
        this.commentsOpen = commentsOpen;
        this.moderation = moderation;
    }

    /** Whether comments are closed now: by an admin, or by age when {@code closeAfterDays} is above 0. */
    public boolean closedAt(Instant now, int closeAfterDays) {
        return !commentsOpen
                || closeAfterDays > 0 && now.isAfter(createdAt.plus(java.time.Duration.ofDays(closeAfterDays)));
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String url() {
        return url;
    }

    public boolean commentsOpen() {
        return commentsOpen;
    }

    public ModerationMode moderation() {
        return moderation;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Article[" + id + "]";
    }
}
