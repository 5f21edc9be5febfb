package news.comments.filter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.automod.SpamScore;
import news.comments.infra.DatabaseKind;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The learned model, kept in the database ({@code filter_model}, {@code filter_token}, {@code filter_example}) so
 * every instance scores alike and it survives restarts, with a copy of the counts in memory so that scoring a comment
 * costs one primary-key read.
 *
 * <p>Training takes the model row's lock first ({@code update filter_model set seq = seq + 1}), so training steps on
 * all instances commit one after another in the order of {@code seq}, and every count changes by a single
 * statement ({@code spam = spam + 1}, an upsert for a new token). Each token row carries the {@code seq} of its last
 * change: an instance that sees the model row at {@code seq} n knows that every change up to n is committed, and
 * reads only the rows changed since its copy. Deleting tokens (pruning, forgetting) changes {@code epoch}, and each
 * instance then reads the whole model again.
 */
@ApplicationScoped
public class SpamModel {

    private static final String H2_TRAIN = "merge into filter_token t using (values (cast(? as bigint), "
            + "cast(? as varchar(200)))) s(h, token) on t.token_hash = s.h "
            + "when matched then update set %1$s = t.%1$s + 1, seq = ? "
            + "when not matched then insert (token_hash, token, ham, spam, seq) values (s.h, s.token, %2$s, %3$s, ?)";
    private static final String POSTGRES_TRAIN = "insert into filter_token (token_hash, token, ham, spam, seq) "
            + "values (?, ?, %2$s, %3$s, ?) on conflict (token_hash) do update "
            + "set %1$s = filter_token.%1$s + 1, seq = ?";

    private final EntityManager entityManager;
    private final boolean postgres;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Guarded by {@link #lock}: this instance's copy of the counts, as of {@link #epoch} and {@link #seq}. */
    private TokenCounts counts = new TokenCounts(16);
    private long epoch = -1;
    private long seq = -1;

    SpamModel(EntityManager entityManager, DatabaseKind database) {
        this.entityManager = entityManager;
        this.postgres = database.isPostgres();
    }

    /** The model row: decisions learned per class, the sequence of the last training step, the epoch, when. */
    record Totals(long ham, long spam, long seq, long epoch, Instant trainedAt) {
    }

    /** What an admin sees of the model. */
    record Stats(long ham, long spam, long tokens, Instant trainedAt) {
    }

    /** Scores tokens against the current model: one read of the model row, and of changed tokens when there are. */
    @Transactional(Transactional.TxType.MANDATORY)
    SpamScore score(List<String> tokens) {
        return work(connection -> {
            Totals totals = totals(connection);
            catchUp(connection, totals);
            List<SpamMath.Counted> counted = new ArrayList<>(tokens.size());
            lock.readLock().lock();
            try {
                for (String token : tokens) {
                    long key = TokenHash.of(token);
                    counted.add(new SpamMath.Counted(token, counts.ham(key), counts.spam(key)));
                }
            } finally {
                lock.readLock().unlock();
            }
            return SpamMath.score(counted, totals.ham(), totals.spam());
        });
    }

    /**
     * Makes what the model learned from one comment match {@code label} and {@code tokens} (null label: nothing):
     * takes back what it learned before (the stored token keys, in the stored class), then learns the new. Answers
     * whether anything changed; the same label and tokens again change nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean learn(long commentId, Label label, List<String> tokens, Instant now) {
        return work(connection -> {
            long step = lockModel(connection);
            Label before = null;
            byte[] learned = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "select label, tokens from filter_example where comment_id = ?")) {
                select.setLong(1, commentId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        before = Label.parse(row.getString(1));
                        learned = row.getBytes(2);
                    }
                }
            }
            byte[] wanted = label == null ? null : TokenHash.pack(tokens);
            if (before == label && Arrays.equals(learned, wanted)) {
                return false;
            }
            long hamChange = 0;
            long spamChange = 0;
            if (before != null) {
                unlearn(connection, before, TokenHash.unpack(learned), step);
                update(connection, "delete from filter_example where comment_id = ?", commentId);
                hamChange -= before == Label.HAM ? 1 : 0;
                spamChange -= before == Label.SPAM ? 1 : 0;
            }
            if (label != null) {
                learn(connection, label, tokens, step);
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into filter_example (comment_id, label, tokens, trained_at) values (?, ?, ?, ?)")) {
                    insert.setLong(1, commentId);
                    insert.setString(2, label.column);
                    insert.setBytes(3, wanted);
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.executeUpdate();
                }
                hamChange += label == Label.HAM ? 1 : 0;
                spamChange += label == Label.SPAM ? 1 : 0;
            }
            try (PreparedStatement totals = connection.prepareStatement(
                    "update filter_model set ham = ham + ?, spam = spam + ?, trained_at = ? where id = 1")) {
                totals.setLong(1, hamChange);
                totals.setLong(2, spamChange);
                totals.setTimestamp(3, Timestamp.from(now));
                totals.executeUpdate();
            }
            return true;
        });
    }

    /** Forgets everything learned. */
    @Transactional(Transactional.TxType.MANDATORY)
    void forget() {
        work(connection -> {
            lockModel(connection);
            update(connection, "delete from filter_example");
            update(connection, "delete from filter_token");
            update(connection, "update filter_model set ham = 0, spam = 0, epoch = epoch + 1, trained_at = null "
                    + "where id = 1");
            return null;
        });
    }

    /** Tokens deleted per transaction when pruning: each step holds the model row's lock for a moment only. */
    static final int PRUNE_CHUNK = 2_000;
    /** Between two steps, so that training waiting for the model row's lock gets it. */
    private static final long PRUNE_PAUSE_MILLIS = 20;

    /**
     * Keeps the model within {@code maxTokens}: above it, deletes the tokens seen in fewest comments until at most
     * 90% of the bound remain. A pruned token that a later reversal would take back is simply absent; one learned
     * again starts from zero. Answers the number of tokens deleted.
     *
     * <p>One read of every token's count, without a lock, picks the rarest; then they are deleted by key in steps of
     * {@link #PRUNE_CHUNK}, each in a short transaction under the model row's lock with a pause between steps, and
     * only while still that rare (training may have seen one again meanwhile). Deleting a million tokens in one
     * transaction outlived the transaction timeout while every training step timed out on the lock, and scanning
     * for each step's rarest tokens under the lock made decisions wait seconds (bench/filter-speed.sh). The epoch
     * moves once, at the end: until then instances still hold some pruned rare tokens in their copies, which changes
     * a score by little.
     */
    public long prune(int maxTokens) {
        return prune(maxTokens, PRUNE_CHUNK);
    }

    long prune(int maxTokens, int chunk) {
        Rarest rarest = QuarkusTransaction.requiringNew().call(() -> work(connection -> Rarest.read(connection,
                maxTokens)));
        if (rarest == null) {
            return 0L;
        }
        long deleted = 0;
        for (int from = 0; from < rarest.keys.length; from += chunk) {
            int start = from;
            int end = Math.min(rarest.keys.length, from + chunk);
            deleted += QuarkusTransaction.requiringNew().call(() -> work(connection -> {
                lockModel(connection);
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from filter_token where token_hash = ? and ham + spam <= ?")) {
                    for (int i = start; i < end; i++) {
                        delete.setLong(1, rarest.keys[i]);
                        delete.setLong(2, rarest.seen[i]);
                        delete.addBatch();
                    }
                    int gone = 0;
                    for (int count : delete.executeBatch()) {
                        gone += Math.max(count, 0);
                    }
                    return gone;
                }
            }));
            if (end < rarest.keys.length) {
                pauseForTraining();
            }
        }
        QuarkusTransaction.requiringNew().run(() -> work(connection -> {
            update(connection, "update filter_model set epoch = epoch + 1 where id = 1");
            return null;
        }));
        return deleted;
    }

    /** The tokens to prune and how often each was seen when read: the rarest, enough to leave 90% of the bound. */
    private record Rarest(long[] keys, int[] seen) {

        static Rarest read(Connection connection, int maxTokens) throws SQLException {
            long total = count(connection);
            if (total <= maxTokens) {
                return null;
            }
            int size = (int) Math.min(total, Integer.MAX_VALUE - 8);
            long[] keys = new long[size];
            int[] seen = new int[size];
            int n = 0;
            try (PreparedStatement select = connection.prepareStatement(
                    "select token_hash, ham + spam from filter_token")) {
                select.setFetchSize(5000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && n < size) {
                        keys[n] = rows.getLong(1);
                        seen[n] = (int) Math.min(Integer.MAX_VALUE, rows.getLong(2));
                        n++;
                    }
                }
            }
            long excess = n - maxTokens * 9L / 10;
            if (excess <= 0) {
                return null;
            }
            // how often the last token to go was seen: all rarer ones go, and enough of those seen that often
            int[] sorted = Arrays.copyOf(seen, n);
            Arrays.sort(sorted);
            int threshold = sorted[(int) excess - 1];
            long below = 0;
            for (int i = 0; i < n; i++) {
                if (seen[i] < threshold) {
                    below++;
                }
            }
            long atThreshold = excess - below;
            long[] chosenKeys = new long[(int) excess];
            int[] chosenSeen = new int[(int) excess];
            int chosen = 0;
            for (int i = 0; i < n && chosen < excess; i++) {
                if (seen[i] < threshold || (seen[i] == threshold && atThreshold-- > 0)) {
                    chosenKeys[chosen] = keys[i];
                    chosenSeen[chosen] = seen[i];
                    chosen++;
                }
            }
            return new Rarest(Arrays.copyOf(chosenKeys, chosen), Arrays.copyOf(chosenSeen, chosen));
        }
    }

    private static void pauseForTraining() {
        try {
            Thread.sleep(PRUNE_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("pruning interrupted", e);
        }
    }

    @Transactional
    Stats stats() {
        return work(connection -> {
            Totals totals = totals(connection);
            return new Stats(totals.ham(), totals.spam(), count(connection), totals.trainedAt());
        });
    }

    /** Brings this instance's copy of the counts up to the model row just read. */
    private void catchUp(Connection connection, Totals totals) throws SQLException {
        lock.readLock().lock();
        try {
            if (totals.epoch() == epoch && totals.seq() <= seq) {
                return;
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            if (totals.epoch() != epoch) {
                // the whole model: rows committed after the model row was read may come too; they are read again
                // next time (counts are absolute, so twice does no harm)
                TokenCounts all = new TokenCounts(Math.max(16, (int) Math.min(count(connection), 1 << 24)));
                read(connection, "select token_hash, ham, spam from filter_token", null, all);
                counts = all;
                epoch = totals.epoch();
                seq = totals.seq();
            } else if (totals.seq() > seq) {
                read(connection, "select token_hash, ham, spam from filter_token where seq > ?", seq, counts);
                seq = totals.seq();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static void read(Connection connection, String sql, Long after, TokenCounts into) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (after != null) {
                statement.setLong(1, after);
            }
            statement.setFetchSize(5000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    into.put(rows.getLong(1), rows.getLong(2), rows.getLong(3));
                }
            }
        }
    }

    private void learn(Connection connection, Label label, List<String> tokens, long step) throws SQLException {
        String sql = String.format(postgres ? POSTGRES_TRAIN : H2_TRAIN, label.column,
                label == Label.HAM ? 1 : 0, label == Label.SPAM ? 1 : 0);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String token : tokens) {
                statement.setLong(1, TokenHash.of(token));
                statement.setString(2, token);
                statement.setLong(3, step);
                statement.setLong(4, step);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void unlearn(Connection connection, Label label, long[] keys, long step) throws SQLException {
        String sql = "update filter_token set %1$s = greatest(%1$s - 1, 0), seq = ? where token_hash = ?";
        try (PreparedStatement statement = connection.prepareStatement(String.format(sql, label.column))) {
            for (long key : keys) {
                statement.setLong(1, step);
                statement.setLong(2, key);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Takes the model row's lock (held to the commit) and answers this training step's sequence number. */
    private static long lockModel(Connection connection) throws SQLException {
        update(connection, "update filter_model set seq = seq + 1 where id = 1");
        return totals(connection).seq();
    }

    private static Totals totals(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select ham, spam, seq, epoch, trained_at from filter_model where id = 1");
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("the filter_model row is missing; V8__learned_filter.sql adds it");
            }
            Timestamp at = row.getTimestamp(5);
            return new Totals(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                    at == null ? null : at.toInstant());
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select count(*) from filter_token");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }
}
