package news.comments.comment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import news.comments.infra.ChangeRelay;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * Tells the other instances on one PostgreSQL of each committed {@link CommentChanged}, and hands theirs to this
 * instance's thread cache and moderators' stream as {@link CommentChangedElsewhere}, through {@link ChangeRelay}.
 * A message names the comment and its statuses only, never its author. When the relay starts listening again after
 * it could not, this instance may have missed changes: it drops its whole thread cache.
 */
@ApplicationScoped
public class CommentChangeRelay {

    private static final Logger LOG = Logger.getLogger(CommentChangeRelay.class);

    /** What travels between instances: the change and which instance made it, never an author's data. */
    record Message(String instance, String articleId, long commentId, CommentStatus from, CommentStatus to) {
    }

    private final String instance = UUID.randomUUID().toString();
    private final ChangeRelay relay;
    private final ObjectMapper mapper;
    private final Event<CommentChangedElsewhere> elsewhere;
    private final ThreadCache threadCache;

    CommentChangeRelay(ChangeRelay relay, ObjectMapper mapper, Event<CommentChangedElsewhere> elsewhere,
                       ThreadCache threadCache) {
        this.relay = relay;
        this.mapper = mapper;
        this.elsewhere = elsewhere;
        this.threadCache = threadCache;
    }

    /** Runs after the commit (never for a rollback). */
    void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentChanged change) {
        if (relay.enabled()) {
            relay.send(encode(new Message(instance, change.articleId(), change.commentId(), change.from(),
                    change.to())));
        }
    }

    void onMessage(@Observes ChangeRelay.Received message) {
        receive(message.payload()).ifPresent(change -> elsewhere.fire(new CommentChangedElsewhere(change)));
    }

    void onListening(@Observes ChangeRelay.Listening listening) {
        threadCache.invalidateAll();
    }

    /** Whether changes are relayed here; false on H2. */
    boolean enabled() {
        return relay.enabled();
    }

    /** The change another instance sent, or empty for one of this instance's own or an unreadable message. */
    Optional<CommentChanged> receive(String payload) {
        try {
            Message message = mapper.readValue(payload, Message.class);
            if (instance.equals(message.instance()) || message.articleId() == null || message.to() == null) {
                return Optional.empty();
            }
            return Optional.of(new CommentChanged(message.articleId(), message.commentId(), message.from(),
                    message.to()));
        } catch (JsonProcessingException e) {
            LOG.warn("ignored an unreadable message from another instance");
            return Optional.empty();
        }
    }

    String encode(Message message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a change could not be written as JSON", e);
        }
    }

    String instance() {
        return instance;
    }
}
