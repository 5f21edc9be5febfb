package news.comments.web;

import org.hibernate.exception.JDBCConnectionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * What a failure says about the database, read from its whole cause chain (transactions and CDI wrap it).
 * <p>
 * {@link #UNREACHABLE}: the driver failed to connect or lost the connection (SQLState class 08, "connection
 * exception", in every driver). {@link #OVERLOADED}: the connection pool gave up waiting for a free connection
 * while no connection attempt failed; the database answers, the service has more requests at once than it has
 * connections. Agroal says so only in its message ("Sorry, acquisition timeout!" with every pooled connection in
 * use, "Acquisition timeout while waiting for new connection" while one is being opened); it reports a failed
 * attempt as the driver's own exception, so a refused or lost connection is never taken for a busy pool.
 */
enum DatabaseTrouble {
    NONE, UNREACHABLE, OVERLOADED;

    static DatabaseTrouble of(Throwable e) {
        boolean poolTimeout = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (isConnectionFailure(t)) {
                return UNREACHABLE;   // a real failure anywhere in the chain wins over a timeout around it
            }
            if (t instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                poolTimeout = true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return poolTimeout ? OVERLOADED : NONE;
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            return sql.getSQLState() != null && sql.getSQLState().startsWith("08");
        }
        // Hibernate's type for SQLState 08; its own SQLException is further down the chain and decides
        return t instanceof JDBCConnectionException connection && connection.getSQLException() == null;
    }
}
