package news.comments.infra;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Group commit on a real H2 file database, whose own writer is held back so that only the barrier stores. */
class H2GroupCommitTest {

    @TempDir
    Path folder;
    private JdbcDataSource dataSource;
    private Connection keepOpen;

    @BeforeEach
    void openDatabase() throws SQLException {
        dataSource = new JdbcDataSource();
        // WRITE_DELAY of 100 s: H2's background writer stays out of the way during a test
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("db") + ";WRITE_DELAY=100000");
        keepOpen = dataSource.getConnection();
        execute("create table note (id int primary key, text varchar(100))");
        mvStore().commit();
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        keepOpen.close();
    }

    @Test
    void shouldLeaveNothingUnstoredOnceAWriterHasWaited() throws SQLException {
        H2GroupCommit groupCommit = new H2GroupCommit(dataSource, true);
        execute("insert into note values (1, 'kept')");
        assertTrue(mvStore().hasUnsavedChanges(), "H2 holds a fresh commit in memory");

        groupCommit.awaitStored();

        assertFalse(mvStore().hasUnsavedChanges());
        assertEquals(1, groupCommit.stores());
    }

    @Test
    void shouldServeWritersThatWaitedDuringAStoreWithOneMoreStore() throws Exception {
        H2GroupCommit groupCommit = new H2GroupCommit(dataSource, true);
        List<Thread> writers = new ArrayList<>();
        groupCommit.storeLock().lock(); // a store in progress
        try {
            for (int i = 0; i < 8; i++) {
                int id = i + 10;
                Thread writer = new Thread(() -> {
                    try {
                        execute("insert into note values (" + id + ", 'waited')");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    groupCommit.awaitStored();
                });
                writers.add(writer);
                writer.start();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (groupCommit.storeLock().getQueueLength() < 8 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(8, groupCommit.storeLock().getQueueLength(), "all eight writers wait for the store");
        } finally {
            groupCommit.storeLock().unlock();
        }
        for (Thread writer : writers) {
            writer.join(20_000);
        }

        assertEquals(1, groupCommit.stores(), "one store covered the eight commits");
        assertFalse(mvStore().hasUnsavedChanges());
    }

    @Test
    void shouldDoNothingWhenDisabled() throws SQLException {
        H2GroupCommit groupCommit = new H2GroupCommit(dataSource, false);
        execute("insert into note values (2, 'in memory')");

        groupCommit.awaitStored();

        assertTrue(mvStore().hasUnsavedChanges());
        assertEquals(0, groupCommit.stores());
    }

    @Test
    void shouldTellFileUrlsFromOthers() {
        assertTrue(DatabaseKind.isH2FileUrl("jdbc:h2:file:./data/comments;QUERY_CACHE_SIZE=64"));
        assertTrue(DatabaseKind.isH2FileUrl("jdbc:h2:./data/comments"));
        assertTrue(DatabaseKind.isH2FileUrl("JDBC:H2:~/comments"));
        assertFalse(DatabaseKind.isH2FileUrl("jdbc:h2:mem:comments;DB_CLOSE_DELAY=-1"));
        assertFalse(DatabaseKind.isH2FileUrl("jdbc:h2:tcp://localhost/comments"));
        assertFalse(DatabaseKind.isH2FileUrl("jdbc:postgresql://127.0.0.1:5432/comments"));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private MVStore mvStore() throws SQLException {
        SessionLocal session = (SessionLocal) keepOpen.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }
}
