package news.comments.automod;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.infra.DatabaseKind;
import news.comments.web.Hashes;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The flood rule, held by the database so that it works across instances. Each IP and each email has a row with the
 * time of its last accepted comment; admitting a comment is one upsert of both rows inside the posting transaction
 * ("insert, or set last_at = now where last_at <= now - window"). Two simultaneous posts from one author queue on the
 * row lock and the second finds the window closed; a refused or rolled-back post leaves the rows as they were. Keys
 * are the first 64 bits of SHA-256 hashes ({@link Hashes#sha256Long}), so the table holds no address and its B-tree
 * stays small; a rare shared key can only make the rule stricter for the two authors that share it.
 */
@ApplicationScoped
public class FloodGuard {

    /** PostgreSQL settles two simultaneous first posts inside the statement (the loser waits, then updates or not). */
    private static final String POSTGRES_UPSERT = "insert into flood_guard (guard_key, last_at) values (?, ?), (?, ?) "
            + "on conflict (guard_key) do update set last_at = excluded.last_at where flood_guard.last_at <= ?";
    /**
     * H2 has no ON CONFLICT: its MERGE inserts a key it cannot see yet, and the loser of two simultaneous first posts
     * gets a unique violation (only that statement is undone), then tries again and finds the row.
     */
    private static final String H2_MERGE = "merge into flood_guard g using (values (cast(? as bigint), "
            + "cast(? as timestamp with time zone)), (cast(? as bigint), cast(? as timestamp with time zone))) "
            + "s(guard_key, last_at) on g.guard_key = s.guard_key "
            + "when matched and g.last_at <= ? then update set last_at = s.last_at "
            + "when not matched then insert (guard_key, last_at) values (s.guard_key, s.last_at)";
    private static final String UNIQUE_VIOLATION = "23505";

    private final EntityManager entityManager;
    private final boolean postgres;

    FloodGuard(EntityManager entityManager, DatabaseKind database) {
        this.entityManager = entityManager;
        this.postgres = database.isPostgres();
    }

    /** Admits a comment from this IP and email now, or throws {@link FloodedException}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admit(String ip, String email, int windowSeconds, Instant now) {
        if (windowSeconds <= 0) {
            return;
        }
        // always IP first, then email: one lock order, so two posts can never deadlock each other
        List<Long> keys = List.of(key("ip", ip), key("email", email.toLowerCase(Locale.ROOT)));
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime opensAt = at.minusSeconds(windowSeconds);
        boolean admitted = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try {
                return upsert(connection, keys, at, opensAt) == keys.size();
            } catch (SQLException e) {
                if (postgres || !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                return upsert(connection, keys, at, opensAt) == keys.size();
            }
        });
        if (!admitted) {
            throw new FloodedException(secondsLeft(keys, now, windowSeconds));
        }
    }

    /** Forgets the row of this email: part of erasing the address. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetEmail(String email) {
        entityManager.createNativeQuery("delete from flood_guard where guard_key = ?1")
                .setParameter(1, key("email", email.toLowerCase(Locale.ROOT))).executeUpdate();
    }

    /** Forgets rows that no window can still need. */
    @Transactional
    public int forgetBefore(Instant cutoff) {
        return entityManager.createNativeQuery("delete from flood_guard where last_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }

    /** The number of keys admitted: inserted, or updated because their window was open. */
    private int upsert(Connection connection, List<Long> keys, OffsetDateTime at, OffsetDateTime opensAt)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(postgres ? POSTGRES_UPSERT : H2_MERGE)) {
            statement.setLong(1, keys.get(0));
            statement.setObject(2, at);
            statement.setLong(3, keys.get(1));
            statement.setObject(4, at);
            statement.setObject(5, opensAt);
            return statement.executeUpdate();
        }
    }

    /** Until the later of the two windows opens, in whole seconds, at least 1 (our own write, at now, left out). */
    private long secondsLeft(List<Long> keys, Instant now, int windowSeconds) {
        Instant last = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select max(last_at) from flood_guard where guard_key in (?, ?) and last_at <> ?")) {
                statement.setLong(1, keys.get(0));
                statement.setLong(2, keys.get(1));
                statement.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                try (ResultSet rows = statement.executeQuery()) {
                    OffsetDateTime found = rows.next() ? rows.getObject(1, OffsetDateTime.class) : null;
                    return found == null ? now : found.toInstant();
                }
            }
        });
        long millisLeft = Duration.between(now, last.plusSeconds(windowSeconds)).toMillis();
        return Math.max(1, (millisLeft + 999) / 1000);
    }

    private static long key(String kind, String value) {
        return Hashes.sha256Long(kind + ":" + value);
    }
}
