package news.comments.web;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures mean "the database is unreachable" (503) rather than a bug (500). .ci/checks/db-outage.sh shows
 * the same against a PostgreSQL that is stopped and started again.
 */
class ConnectionFailureTest {

    @Test
    void shouldRecognizeConnectionFailuresAnywhereInTheCauseChain() {
        SQLException refused = new SQLException("Connection refused", "08001");
        assertTrue(ProblemMappers.isConnectionFailure(new JDBCConnectionException("Unable to acquire", refused)));
        assertTrue(ProblemMappers.isConnectionFailure(new IllegalStateException("commit failed",
                new PersistenceException(refused))));
        assertTrue(ProblemMappers.isConnectionFailure(new SQLTransientConnectionException("pool")));
        // Agroal's acquisition timeout has no type or SQLState of its own
        assertTrue(ProblemMappers.isConnectionFailure(new RuntimeException(
                new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void shouldTreatOtherDatabaseErrorsAsBugs() {
        assertFalse(ProblemMappers.isConnectionFailure(new SQLException("syntax error", "42601")));
        assertFalse(ProblemMappers.isConnectionFailure(
                new PersistenceException(new SQLException("duplicate", "23505"))));
        assertFalse(ProblemMappers.isConnectionFailure(new IllegalStateException()));
    }

    @Test
    void shouldAnswer503UnavailableWithRetryAfterWhenTheDatabaseIsUnreachable() {
        Response response = new ProblemMappers().unexpected(new IllegalStateException(
                new SQLException("Connection refused", "08001")));
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        Problem problem = (Problem) response.getEntity();
        assertEquals("/problems/unavailable", problem.type());
        assertFalse(problem.detail().contains("refused"));
    }
}
