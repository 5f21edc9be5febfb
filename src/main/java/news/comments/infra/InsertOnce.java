package news.comments.infra;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Insert, and if another request or instance won, read theirs": the one way this service creates a row that must
 * exist once (an article on its first comment, the settings row, a server secret, an account, a report). The
 * insert runs in a transaction of its own, so the loser's failure spoils nothing of its caller's transaction, and a
 * unique constraint of the database picks the winner across instances; no lock in memory could.
 */
public final class InsertOnce {

    private InsertOnce() {
    }

    /**
     * Runs the insert in a new transaction; false when a constraint of the database refused it (another writer won).
     * Any other failure (the database down, a refusal of the caller's own) is thrown as it came.
     */
    public static boolean tryInsert(Runnable insert) {
        try {
            QuarkusTransaction.requiringNew().run(insert);
            return true;
        } catch (PersistenceException | QuarkusTransactionException e) {
            if (isConstraintViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Whether a constraint refused the write: Hibernate's exception, or SQLState class 23 somewhere in the chain. */
    public static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same pattern when the row must commit together with other work (a comment and its idempotency key):
     * {@code work} inserts it inside its own transaction; when that fails in any way and {@code winner} now finds the
     * row, a simultaneous twin won, and its row is the answer. Any failure, not only a constraint's: the loser may be
     * refused by a rule the winner's commit triggered (a duplicate, the flood window) before it reaches the insert.
     * Otherwise the failure is thrown as it came.
     */
    public static <T> T orWinner(Supplier<T> work, Supplier<Optional<T>> winner) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return winner.get().orElseThrow(() -> e);
        }
    }

    /** Inserts unless {@code read} finds the row, then answers what {@code read} finds: ours or the winner's. */
    public static <T> T insertOrRead(Supplier<T> read, Runnable insert) {
        T found = read.get();
        if (found != null) {
            return found;
        }
        tryInsert(insert);
        return read.get();
    }
}
