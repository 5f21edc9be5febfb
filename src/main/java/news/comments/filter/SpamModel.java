package news.comments.filter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import news.comments.automod.SpamScore;
import news.comments.infra.Background;
import news.comments.infra.DatabaseKind;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The learned model, kept in the database ({@code filter_model}, {@code filter_token}, {@code filter_example}) so
 * every instance scores alike and it survives restarts, with a copy of the counts in memory so that scoring a comment
 * costs one primary-key read on PostgreSQL, and none on H2 while the model has not changed (an H2 file has one
 * instance, this process, so every change to the model is one this process made and counted in {@link #CHANGES}).
 *
 * <p>Decisions to learn from wait in {@code filter_queue}, written in the decision's own transaction
 * ({@link #enqueue}), and are learned in batches after commit ({@link #queued}, {@link #learnAll}, {@link #dequeue}):
 * one lock of the model and one statement per distinct token for a whole batch, so a bulk decision of 200 comments
 * does not wait for 200 training steps.
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

    /** Token changes written per statement: one MERGE for many tokens costs far less than one each. */
    static final int TOKENS_PER_STATEMENT = 250;
    /**
     * Adds a batch's changes to its tokens (never below 0): a token learned is inserted when new, one only taken back
     * is changed where it still exists (pruning may have dropped it). A token no learned comment has any more keeps
     * its row with zero counts (other instances read the zeros by its {@code seq}; pruning deletes it later) but not
     * its text, so an erased or edited comment's words do not stay readable. MERGE, as H2 and PostgreSQL (15 and
     * later) both write it; it is safe here because the model's lock keeps every other writer of tokens out.
     */
    private static final String LEARN = Background.SQL + "merge into filter_token t using (values %s) "
            + "s(h, token, dh, ds) on t.token_hash = s.h "
            + "when matched then update set ham = greatest(t.ham + s.dh, 0), spam = greatest(t.spam + s.ds, 0), "
            + "token = case when t.ham + s.dh <= 0 and t.spam + s.ds <= 0 then '' else coalesce(s.token, t.token) end, "
            + "seq = ? "
            + "when not matched and (s.dh > 0 or s.ds > 0) then insert (token_hash, token, ham, spam, seq) "
            + "values (s.h, s.token, greatest(s.dh, 0), greatest(s.ds, 0), ?)";
    private static final String LEARN_ROW =
            "(cast(? as bigint), cast(? as varchar(200)), cast(? as bigint), cast(? as bigint))";
    private static final String H2_ENQUEUE = "merge into filter_queue t using (values (cast(? as bigint), "
            + "cast(? as timestamp with time zone))) s(id, at) on t.comment_id = s.id "
            + "when matched then update set version = t.version + 1, queued_at = s.at "
            + "when not matched then insert (comment_id, version, queued_at) values (s.id, 1, s.at)";
    private static final String POSTGRES_ENQUEUE = "insert into filter_queue (comment_id, version, queued_at) "
            + "values (?, 1, ?) on conflict (comment_id) do update "
            + "set version = filter_queue.version + 1, queued_at = excluded.queued_at";
    /** The transaction's training step, once it has taken the model's lock. */
    private static final String STEP = SpamModel.class.getName() + ".step";
    /**
     * Changes to the model committed (or rolled back) by this process. On H2 that is every change there is, so a
     * scorer that saw this number unchanged since its last read of the model knows its copy is current.
     */
    private static final AtomicLong CHANGES = new AtomicLong();

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean postgres;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Guarded by {@link #lock}: this instance's copy of the counts, as of {@link #epoch} and {@link #seq}. */
    private TokenCounts counts = new TokenCounts(16);
    private long epoch = -1;
    private long seq = -1;
    /** Guarded by {@link #lock}: the model row as last read, and {@link #CHANGES} before that read. */
    private Totals totals;
    private long changesSeen = -1;

    SpamModel(EntityManager entityManager, TransactionSynchronizationRegistry transactions, DatabaseKind database) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.postgres = database.isPostgres();
    }

    /** What the model should hold of one comment: its class and tokens, or a null class for nothing. */
    record Example(long commentId, Label label, List<String> tokens) {
    }

    /** A comment waiting to be learned, and its queue row's version when read (a later decision moves it on). */
    record Queued(long commentId, long version) {
    }

    /** The model row: decisions learned per class, the sequence of the last training step, the epoch, when. */
    record Totals(long ham, long spam, long seq, long epoch, Instant trainedAt) {
    }

    /** What an admin sees of the model. */
    record Stats(long ham, long spam, long tokens, Instant trainedAt) {
    }

    /**
     * Scores tokens against the current model: one read of the model row, and of changed tokens when there are; on
     * H2 no read at all while this process changed nothing since the last one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    SpamScore score(List<String> tokens) {
        List<SpamMath.Counted> counted = new ArrayList<>(tokens.size());
        Totals current = null;
        lock.readLock().lock();
        try {
            if (!postgres && totals != null && changesSeen == CHANGES.get()) {
                current = totals;
                count(tokens, counted);
            }
        } finally {
            lock.readLock().unlock();
        }
        if (current == null) {
            current = work(connection -> {
                long changes = CHANGES.get();
                Totals read = totals(connection);
                catchUp(connection, read, changes);
                return read;
            });
            lock.readLock().lock();
            try {
                count(tokens, counted);
            } finally {
                lock.readLock().unlock();
            }
        }
        return SpamMath.score(counted, current.ham(), current.spam());
    }

    /** Guarded by the caller's read lock. */
    private void count(List<String> tokens, List<SpamMath.Counted> into) {
        for (String token : tokens) {
            long key = TokenHash.of(token);
            into.add(new SpamMath.Counted(token, counts.ham(key), counts.spam(key)));
        }
    }

    /** Queues a comment to be learned after this transaction commits; a queued comment is queued once. */
    @Transactional(Transactional.TxType.MANDATORY)
    void enqueue(long commentId, Instant now) {
        work(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(postgres ? POSTGRES_ENQUEUE : H2_ENQUEUE)) {
                upsert.setLong(1, commentId);
                upsert.setTimestamp(2, Timestamp.from(now));
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Up to {@code max} queued comments, oldest first; when there are any, takes the model's lock first, so that
     * only one instance learns at a time and what it read is not learned by another meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Queued> queued(int max) {
        return work(connection -> {
            String oldest = Background.SQL + "select comment_id, version from filter_queue "
                    + "order by queued_at, comment_id fetch first " + max + " rows only";
            if (readQueued(connection, oldest).isEmpty()) {
                return List.of();
            }
            lockModel(connection);
            return readQueued(connection, oldest);
        });
    }

    /** Takes queued comments off the queue, unless they were queued again since they were read. */
    @Transactional(Transactional.TxType.MANDATORY)
    void dequeue(List<Queued> learned) {
        work(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(Background.SQL
                    + "delete from filter_queue where comment_id = ? and version = ?")) {
                for (Queued queued : learned) {
                    delete.setLong(1, queued.commentId());
                    delete.setLong(2, queued.version());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return null;
        });
    }

    /** How many comments wait to be learned. */
    @Transactional
    long waiting() {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    Background.SQL + "select count(*) from filter_queue");
                 ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private static List<Queued> readQueued(Connection connection, String sql) throws SQLException {
        List<Queued> queued = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                queued.add(new Queued(rows.getLong(1), rows.getLong(2)));
            }
        }
        return queued;
    }

    /**
     * Makes what the model learned from one comment match {@code label} and {@code tokens} (null label: nothing).
     * Answers whether anything changed; the same label and tokens again change nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean learn(long commentId, Label label, List<String> tokens, Instant now) {
        return learnAll(List.of(new Example(commentId, label, tokens)), now) > 0;
    }

    /**
     * Makes what the model learned from each comment match its example: takes back what it learned before (the
     * stored token keys, in the stored class), then learns the new, with the counts of a token summed over the
     * batch and written by one statement. Answers how many comments changed the model.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int learnAll(List<Example> examples, Instant now) {
        if (examples.isEmpty()) {
            return 0;
        }
        return work(connection -> {
            long step = lockModel(connection);
            Map<Long, Learned> before = learned(connection, examples);
            Map<Long, TokenDelta> deltas = new HashMap<>();
            List<Example> changed = new ArrayList<>();
            long hamChange = 0;
            long spamChange = 0;
            for (Example example : examples) {
                Learned old = before.get(example.commentId());
                byte[] wanted = example.label() == null ? null : TokenHash.pack(example.tokens());
                if (old == null ? example.label() == null
                        : old.label() == example.label() && Arrays.equals(old.tokens(), wanted)) {
                    continue;
                }
                changed.add(example);
                if (old != null) {
                    for (long key : TokenHash.unpack(old.tokens())) {
                        deltas.computeIfAbsent(key, k -> new TokenDelta()).add(old.label(), -1, null);
                    }
                    hamChange -= old.label() == Label.HAM ? 1 : 0;
                    spamChange -= old.label() == Label.SPAM ? 1 : 0;
                }
                if (example.label() != null) {
                    for (String token : example.tokens()) {
                        deltas.computeIfAbsent(TokenHash.of(token), k -> new TokenDelta())
                                .add(example.label(), 1, token);
                    }
                    hamChange += example.label() == Label.HAM ? 1 : 0;
                    spamChange += example.label() == Label.SPAM ? 1 : 0;
                }
            }
            if (changed.isEmpty()) {
                return 0;
            }
            count(connection, deltas, step);
            replaceExamples(connection, changed, before, now);
            try (PreparedStatement totals = connection.prepareStatement(Background.SQL
                    + "update filter_model set ham = ham + ?, spam = spam + ?, trained_at = ? where id = 1")) {
                totals.setLong(1, hamChange);
                totals.setLong(2, spamChange);
                totals.setTimestamp(3, Timestamp.from(now));
                totals.executeUpdate();
            }
            return changed.size();
        });
    }

    /** What the model holds of one comment: its class and the keys of its tokens. */
    private record Learned(Label label, byte[] tokens) {
    }

    /** A token's change over a batch: summed per class, and the token itself when it is learned (not only unlearned). */
    private static final class TokenDelta {
        long ham;
        long spam;
        String token;

        void add(Label label, int change, String text) {
            if (label == Label.HAM) {
                ham += change;
            } else {
                spam += change;
            }
            if (text != null) {
                token = text;
            }
        }
    }

    private static Map<Long, Learned> learned(Connection connection, List<Example> examples) throws SQLException {
        Map<Long, Learned> learned = new HashMap<>();
        String marks = String.join(", ", Collections.nCopies(examples.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement(
                Background.SQL + "select comment_id, label, tokens from filter_example where comment_id in ("
                        + marks + ")")) {
            for (int i = 0; i < examples.size(); i++) {
                select.setLong(i + 1, examples.get(i).commentId());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    learned.put(rows.getLong(1), new Learned(Label.parse(rows.getString(2)), rows.getBytes(3)));
                }
            }
        }
        return learned;
    }

    /** Writes the batch's token changes, {@link #TOKENS_PER_STATEMENT} tokens per statement. */
    private static void count(Connection connection, Map<Long, TokenDelta> deltas, long step) throws SQLException {
        List<Map.Entry<Long, TokenDelta>> changed = deltas.entrySet().stream()
                .filter(e -> e.getValue().ham != 0 || e.getValue().spam != 0).toList();
        for (int from = 0; from < changed.size(); from += TOKENS_PER_STATEMENT) {
            List<Map.Entry<Long, TokenDelta>> chunk = changed.subList(from,
                    Math.min(changed.size(), from + TOKENS_PER_STATEMENT));
            String rows = String.join(", ", Collections.nCopies(chunk.size(), LEARN_ROW));
            try (PreparedStatement merge = connection.prepareStatement(String.format(LEARN, rows))) {
                int i = 1;
                for (Map.Entry<Long, TokenDelta> entry : chunk) {
                    TokenDelta delta = entry.getValue();
                    merge.setLong(i++, entry.getKey());
                    if (delta.token == null) {
                        merge.setNull(i++, Types.VARCHAR);
                    } else {
                        merge.setString(i++, delta.token);
                    }
                    merge.setLong(i++, delta.ham);
                    merge.setLong(i++, delta.spam);
                }
                merge.setLong(i++, step);
                merge.setLong(i, step);
                merge.executeUpdate();
            }
        }
    }

    private static void replaceExamples(Connection connection, List<Example> changed, Map<Long, Learned> before,
                                        Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                Background.SQL + "delete from filter_example where comment_id = ?");
             PreparedStatement insert = connection.prepareStatement(Background.SQL
                     + "insert into filter_example (comment_id, label, tokens, trained_at) values (?, ?, ?, ?)")) {
            boolean deleting = false;
            boolean inserting = false;
            for (Example example : changed) {
                if (before.containsKey(example.commentId())) {
                    delete.setLong(1, example.commentId());
                    delete.addBatch();
                    deleting = true;
                }
                if (example.label() != null) {
                    insert.setLong(1, example.commentId());
                    insert.setString(2, example.label().column);
                    insert.setBytes(3, TokenHash.pack(example.tokens()));
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.addBatch();
                    inserting = true;
                }
            }
            if (deleting) {
                delete.executeBatch();
            }
            if (inserting) {
                insert.executeBatch();
            }
        }
    }

    /** Forgets everything learned, and the decisions still waiting to be learned. */
    @Transactional(Transactional.TxType.MANDATORY)
    void forget() {
        work(connection -> {
            lockModel(connection);
            update(connection, "delete from filter_queue");
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
            lockModel(connection);
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

    /**
     * Brings this instance's copy of the counts up to the model row just read, which was read after
     * {@link #CHANGES} was {@code changes}.
     */
    private void catchUp(Connection connection, Totals totals, long changes) throws SQLException {
        lock.readLock().lock();
        try {
            if (totals.epoch() == epoch && totals.seq() <= seq && this.totals != null
                    && this.totals.equals(totals) && changesSeen == changes) {
                return;
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            if (changes >= changesSeen) {
                this.totals = totals;
                changesSeen = changes;
            }
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

    /**
     * Takes the model row's lock (held to the commit) once per transaction, and answers this training step's
     * sequence number. Whatever the transaction's end, {@link #CHANGES} counts it afterwards.
     */
    private long lockModel(Connection connection) throws SQLException {
        Object taken = transactions.getResource(STEP);
        if (taken != null) {
            return (Long) taken;
        }
        update(connection, Background.SQL + "update filter_model set seq = seq + 1 where id = 1");
        long step = totals(connection, Background.SQL).seq();
        transactions.putResource(STEP, step);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                CHANGES.incrementAndGet();
            }
        });
        return step;
    }

    private static Totals totals(Connection connection) throws SQLException {
        return totals(connection, "");
    }

    /** The model row; {@code mark} is {@link Background#SQL} when a learner, not a request, reads it. */
    private static Totals totals(Connection connection, String mark) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                mark + "select ham, spam, seq, epoch, trained_at from filter_model where id = 1");
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
