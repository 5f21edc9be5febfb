package news.comments.infra;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Several instances on one PostgreSQL hear each other: a message queued here is sent with {@code pg_notify} by one
 * thread on a connection of its own (outside the pool), which also listens for the other instances' messages and
 * fires each as a {@link Received} event ({@link Listening} each time it starts listening, for an instance that may
 * have missed messages meanwhile). What the messages mean is the business of the feature that sends them (the
 * comment package relays its changes); this class only carries text. Callers queue after their commit, so
 * PostgreSQL's notification lock, which it holds from a notifying transaction's commit to its end, stays off the
 * write path: inside, it serialized every posting commit (391 → 233 comments/s in benchmark 2). The price: a message
 * is not sent if the instance dies between its commit and the send (at most {@link #POLL_MILLIS} later), or while it
 * cannot reach the database. On H2, or with {@code comments.relay.enabled=false}, this does nothing.
 */
@ApplicationScoped
public class ChangeRelay {

    static final String CHANNEL = "comments_changed";
    private static final Logger LOG = Logger.getLogger(ChangeRelay.class);
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    /** Longest a queued message waits to be sent while the relay listens. */
    static final int POLL_MILLIS = 50;
    /** Messages waiting to be sent; past this (the database unreachable for long) the oldest are dropped. */
    private static final int OUTBOX_LIMIT = 10_000;

    /** A message another instance sent (or this one: each listener hears its own notifications too). */
    public record Received(String payload) {
    }

    /** The relay listens (again): messages sent while it could not may have been missed. */
    public record Listening() {
    }

    private final boolean enabled;
    private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>(OUTBOX_LIMIT);
    private final Event<Received> received;
    private final Event<Listening> listeningAgain;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;

    ChangeRelay(InfraConfig config, DatabaseKind database, Event<Received> received,
                Event<Listening> listeningAgain,
                @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.enabled = config.relay().enabled() && database.isPostgres();
        this.received = received;
        this.listeningAgain = listeningAgain;
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

    /** Queues a message for the relay's thread to send; call it after the commit of what it tells. */
    public void send(String payload) {
        if (!enabled) {
            return;
        }
        while (!outbox.offer(payload)) {
            outbox.poll();
        }
    }

    /** Whether this instance relays; false on H2. */
    public boolean enabled() {
        return enabled;
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
                listeningAgain.fire(new Listening());
                if (warned) {
                    LOG.info("listening to other instances' changes again");
                }
                warned = false;
                backoff = 500;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    send(connection);
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            received.fire(new Received(notification.getParameter()));
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

    /** Sends what is queued; a message stays queued until its statement succeeded. */
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
