package news.comments.automod;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.infra.DatabaseKind;
import news.comments.infra.KeyedHashes;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The flood rule, held by the database so that it works across instances. Each IP and each email has a row with the
 * time of its last accepted comment; admitting a comment is one upsert of both rows inside the posting transaction
 * ("insert, or set last_at = now where last_at <= now - window"). Two simultaneous posts from one author queue on the
 * row lock and the second finds the window closed; a refused or rolled-back post leaves the rows as they were. Keys
 * are the first 64 bits of keyed hashes ({@link KeyedHashes}, HMAC under the server secret), so the table holds no
 * address, nobody can test the 2<sup>32</sup> IPv4 addresses against a copy of it without the secret, and its B-tree
 * stays small; a rare shared key can only make the rule stricter for the two authors that share it. The same
 * mechanism limits other requests per client, such as a reader's data requests ({@link #admitDataRequest}).
 */
@ApplicationScoped
public class FloodGuard {

    private static final String UNIQUE_VIOLATION = "23505";
    /** The longest window a row is kept for ({@link FloodGuardCleanup}). */
    static final Duration LONGEST = Duration.ofDays(1);

    private final EntityManager entityManager;
    private final KeyedHashes keyedHashes;
    private final boolean postgres;

    FloodGuard(EntityManager entityManager, KeyedHashes keyedHashes, DatabaseKind database) {
        this.entityManager = entityManager;
        this.keyedHashes = keyedHashes;
        this.postgres = database.isPostgres();
    }

    /** Admits a comment from this IP and email now, or throws {@link FloodedException}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admit(String ip, String email, int windowSeconds, Instant now) {
        if (windowSeconds <= 0) {
            return;
        }
        // always IP first, then email: one lock order, so two posts can never deadlock each other
        admit(List.of(key("ip", ip), key("email", email.toLowerCase(Locale.ROOT))), windowSeconds, now,
                seconds -> new FloodedException(seconds, "posting"));
    }

    /**
     * Admits a data request ({@code POST /api/commenters/data-request}) from this IP now, at most one per
     * {@code every}, or throws {@link FloodedException}: each request makes the service send a mail, so
     * one client must not make it mail any number of addresses.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admitDataRequest(String ip, Duration every, Instant now) {
        if (every.isZero() || every.isNegative()) {
            return;
        }
        // rows live a day (FloodGuardCleanup), so a longer window would be a day anyway
        admit(List.of(key("data-request", ip)), (int) Math.min(LONGEST.toSeconds(), every.toSeconds()), now,
                seconds -> new FloodedException(seconds, "asking"));
    }

    private void admit(List<Long> keys, int windowSeconds, Instant now, LongFunction<RuntimeException> refusal) {
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
            throw refusal.apply(secondsLeft(keys, now, windowSeconds));
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

    /**
     * The number of keys admitted: inserted, or updated because their window was open. PostgreSQL settles two
     * simultaneous first posts inside the statement (the loser waits, then updates or not). H2 has no ON CONFLICT:
     * its MERGE inserts a key it cannot see yet, and the loser of two simultaneous first posts gets a unique
     * violation (only that statement is undone), then tries again and finds the row.
     */
    private int upsert(Connection connection, List<Long> keys, OffsetDateTime at, OffsetDateTime opensAt)
            throws SQLException {
        String rows = String.join(", ", Collections.nCopies(keys.size(), postgres ? "(?, ?)"
                : "(cast(? as bigint), cast(? as timestamp with time zone))"));
        String sql = postgres
                ? "insert into flood_guard (guard_key, last_at) values " + rows + " on conflict (guard_key) "
                + "do update set last_at = excluded.last_at where flood_guard.last_at <= ?"
                : "merge into flood_guard g using (values " + rows + ") s(guard_key, last_at) "
                + "on g.guard_key = s.guard_key when matched and g.last_at <= ? then update set last_at = s.last_at "
                + "when not matched then insert (guard_key, last_at) values (s.guard_key, s.last_at)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (long key : keys) {
                statement.setLong(parameter++, key);
                statement.setObject(parameter++, at);
            }
            statement.setObject(parameter, opensAt);
            return statement.executeUpdate();
        }
    }

    /** Until the latest of the windows opens, in whole seconds, at least 1 (our own write, at now, left out). */
    private long secondsLeft(List<Long> keys, Instant now, int windowSeconds) {
        Instant last = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select max(last_at) from flood_guard "
                    + "where guard_key in (" + String.join(", ", Collections.nCopies(keys.size(), "?"))
                    + ") and last_at <> ?")) {
                for (int i = 0; i < keys.size(); i++) {
                    statement.setLong(i + 1, keys.get(i));
                }
                statement.setObject(keys.size() + 1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                try (ResultSet rows = statement.executeQuery()) {
                    OffsetDateTime found = rows.next() ? rows.getObject(1, OffsetDateTime.class) : null;
                    return found == null ? now : found.toInstant();
                }
            }
        });
        long millisLeft = Duration.between(now, last.plusSeconds(windowSeconds)).toMillis();
        return Math.max(1, (millisLeft + 999) / 1000);
    }

    /** The first 64 bits of the value's keyed hash. */
    private long key(String kind, String value) {
        return HexFormat.fromHexDigitsToLong(keyedHashes.hex("flood-" + kind, value), 0, 16);
    }
}
