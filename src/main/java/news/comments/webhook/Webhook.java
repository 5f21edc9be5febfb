package news.comments.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** An endpoint an admin registered, the events it wants, and the secret that signs its calls. */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String url;

    /** Comma-separated event types. */
    @Column(nullable = false)
    private String events;

    @Column(name = "include_author", nullable = false)
    private boolean includeAuthor;

    @Column(nullable = false)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Webhook() {
    }

    Webhook(String url, Set<WebhookEvent> events, boolean includeAuthor, String secret, Instant createdAt) {
        this.url = url;
        this.events = events.stream().map(WebhookEvent::type).sorted().collect(Collectors.joining(","));
        this.includeAuthor = includeAuthor;
        this.secret = secret;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String url() {
        return url;
    }

    Set<WebhookEvent> events() {
        return Arrays.stream(events.split(",")).map(WebhookEvent::parse).collect(Collectors.toUnmodifiableSet());
    }

    boolean includeAuthor() {
        return includeAuthor;
    }

    String secret() {
        return secret;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** Id only: the secret must not reach logs. */
    @Override
    public String toString() {
        return "Webhook[" + id + "]";
    }
}
