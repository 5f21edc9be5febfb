package news.comments.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Article() {
    }

    public Article(String id, String title, String url, boolean commentsOpen, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
        describe(title, url, commentsOpen);
    }

    /** Replaces what an admin may set; the id and creation time never change. */
    public void describe(String title, String url, boolean commentsOpen) {
        this.title = title;
        this.url = url;
        this.commentsOpen = commentsOpen;
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

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Article[" + id + "]";
    }
}
