package news.comments.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes every answered write survive a {@code kill -9} of the service on the embedded H2 file database, cheaply.
 * <p>
 * H2 keeps committed changes in memory and writes them to its file every {@code WRITE_DELAY} (500 ms): a killed
 * process loses what it already answered. {@code WRITE_DELAY=0} writes after every single commit, which under load
 * spent 60% of the service's CPU serializing the same B-tree pages over and over (bench/README, benchmark 2).
 * Here a request that wrote waits, before it is answered, for one store of H2's MVStore that began after its commit
 * (group commit): one waiting thread stores, and that store covers every commit that finished before it began; the
 * others find theirs covered and go. This is the call {@code WRITE_DELAY=0} makes, only shared. Like that setting it
 * does not fsync: the operating system has the data, and a killed process cannot lose it (a power cut can; the
 * scale-out database, PostgreSQL, is for that). It does nothing on PostgreSQL or an in-memory H2.
 */
@ApplicationScoped
public class H2GroupCommit {

    private final DataSource dataSource;
    private final boolean enabled;
    private final AtomicLong writesFinished = new AtomicLong();
    private final AtomicLong stores = new AtomicLong();
    private final ReentrantLock storeLock = new ReentrantLock();
    private long storedUpTo;

    @Inject
    H2GroupCommit(DataSource dataSource, DatabaseKind database) {
        this(dataSource, database.isH2File());
    }

    public H2GroupCommit(DataSource dataSource, boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    /** Returns once everything this thread committed is in the database file. */
    public void awaitStored() {
        if (!enabled) {
            return;
        }
        long ticket = writesFinished.incrementAndGet();
        storeLock.lock();
        try {
            if (storedUpTo >= ticket) {
                return;
            }
            long covered = writesFinished.get();
            store();
            storedUpTo = covered;
        } finally {
            storeLock.unlock();
        }
    }

    /** How many stores were made: fewer than writes under load. */
    long stores() {
        return stores.get();
    }

    /** The lock a store holds; tests hold it to stand for a store in progress. */
    ReentrantLock storeLock() {
        return storeLock;
    }

    private void store() {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            session.getDatabase().getStore().getMvStore().commit();
            stores.incrementAndGet();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the H2 database file", e);
        }
    }
}
