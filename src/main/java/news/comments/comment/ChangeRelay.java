package news.comments.comment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import news.comments.config.CommentsConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Several instances on one PostgreSQL hear each other's changes. Once a change has committed, it is queued here and
 * sent with {@code pg_notify} by one thread on a connection of its own (outside the pool), which also listens for the
 * other instances' notifications and hands them to this instance's thread cache and moderators' stream as
 * {@link CommentChangedElsewhere}. Sending after the commit, rather than inside the transaction, keeps PostgreSQL's
 * notification lock, which it holds from a notifying transaction's commit to its end, off the write path: inside,
 * it serialized every posting commit (391 → 233 comments/s in benchmark 2). The price: a change is not relayed if the
 * instance dies between its commit and the send (at most {@link #POLL_MILLIS} later), or while it cannot reach the
 * database; the others then show it after their cache lifetime, and an instance that reconnects drops its whole
 * thread cache. On H2, or with {@code comments.relay.enabled=false}, this does nothing.
 */
@ApplicationScoped
public class ChangeRelay {

    static final String CHANNEL = "comments_changed";
    private static final Logger LOG = Logger.getLogger(ChangeRelay.class);
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    /** Longest a committed change waits to be sent while the relay listens. */
    static final int POLL_MILLIS = 50;
    /** Changes waiting to be sent; past this (the database unreachable for long) the oldest are dropped. */
    private static final int OUTBOX_LIMIT = 10_000;

    /** What travels between instances: the change and who made it, never an author's data. */
    record Message(String instance, String articleId, long commentId, CommentStatus from, CommentStatus to) {
    }

    private final boolean enabled;
    private final String instance = UUID.randomUUID().toString();
    private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>(OUTBOX_LIMIT);
    private final ObjectMapper mapper;
    private final Event<CommentChangedElsewhere> elsewhere;
    private final ThreadCache threadCache;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;

    ChangeRelay(CommentsConfig config, ObjectMapper mapper,
                Event<CommentChangedElsewhere> elsewhere, ThreadCache threadCache,
                @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
                @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.enabled = config.relay().enabled() && dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
        this.mapper = mapper;
        this.elsewhere = elsewhere;
        this.threadCache = threadCache;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "comments-change-relay");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing is all that is left to do
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Runs after the commit (never for a rollback): the change is queued for the relay's thread to send. */
    void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentChanged change) {
        if (!enabled) {
            return;
        }
        String payload = encode(new Message(instance, change.articleId(), change.commentId(), change.from(),
                change.to()));
        while (!outbox.offer(payload)) {
            outbox.poll();
        }
    }

    /** Whether this instance relays; false on H2. */
    boolean enabled() {
        return enabled;
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
            LOG.warnf("ignored an unreadable message on channel %s", CHANNEL);
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

    private void listen() {
        long backoff = 500;
        boolean warned = false;
        while (running) {
            try (Connection connection = connect()) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // whatever changed while this instance could not hear it is no longer in its cache
                threadCache.invalidateAll();
                if (warned) {
                    LOG.info("listening to other instances' changes again");
                }
                warned = false;
                backoff = 500;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    send(connection);
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            receive(notification.getParameter())
                                    .ifPresent(change -> elsewhere.fire(new CommentChangedElsewhere(change)));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    LOG.warnf("cannot hear other instances' changes (%s); retrying, until then they show after the "
                            + "thread cache's lifetime", e.getMessage());
                    warned = true;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            } finally {
                listening = null;
            }
        }
    }

    /** Sends what is queued; a change stays queued until its statement succeeded. */
    private void send(Connection connection) throws SQLException {
        if (outbox.isEmpty()) {
            return;
        }
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            for (String payload = outbox.peek(); payload != null; payload = outbox.peek()) {
                notify.setString(2, payload);
                notify.execute();
                outbox.poll();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: the relay needs quarkus.datasource.jdbc.url to be one");
        }
        return connection;
    }
}
