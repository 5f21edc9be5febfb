package news.comments.web;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A pool that ran out of connections while the database answers is overload, not an outage: the 503 says the
 * service is busy and never that the database is unreachable. bench/cold-burst.sh is the same under real load.
 */
class OverloadedProblemTest {

    private final ProblemMappers mappers = new ProblemMappers();

    /** As Hibernate hands it on when Agroal found every pooled connection in use for its whole timeout. */
    private static RuntimeException poolExhausted() {
        return new IllegalStateException(new PersistenceException(
                new GenericJDBCException("Unable to acquire JDBC Connection",
                        new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void shouldAnswerOverloadedWithRetryAfterWhenThePoolTimesOut() {
        Response response = mappers.unexpected(poolExhausted());

        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("/problems/overloaded", problem.type());
        assertEquals("Service busy", problem.title());
        assertEquals(503, problem.status());
        assertEquals("The service is busy with other requests; try again in a few seconds", problem.detail());
        assertFalse(problem.detail().toLowerCase().contains("database"));
    }

    @Test
    void shouldAnswerOverloadedWhenTheNewConnectionIsStillBeingOpened() {
        SQLException slow = new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException());

        Response response = mappers.unexpected(new RuntimeException(slow));

        assertEquals("/problems/overloaded", ((Problem) response.getEntity()).type());
    }

    @Test
    void shouldAnswerOverloadedWhenADialectCallsThePoolTimeoutAConnectionFailure() {
        Response response = mappers.unavailable(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!")));

        assertEquals("/problems/overloaded", ((Problem) response.getEntity()).type());
    }

    @Test
    void shouldAnswerUnavailableWhenTheDatabaseRefusesTheConnection() {
        // Agroal throws the driver's own exception when opening a connection failed
        SQLException refused = new SQLException("Connection to 127.0.0.1:55432 refused", "08001");

        Response viaHibernate = mappers.unavailable(new JDBCConnectionException("Unable to acquire", refused));
        Response wrapped = mappers.unexpected(new IllegalStateException(new PersistenceException(refused)));
        Response lost = mappers.unavailable(new SQLNonTransientConnectionException("Database is closed"));

        for (Response response : new Response[] {viaHibernate, wrapped, lost}) {
            assertEquals(503, response.getStatus());
            assertEquals("5", response.getHeaderString("Retry-After"));
            assertEquals("/problems/unavailable", ((Problem) response.getEntity()).type());
        }
    }

    @Test
    void shouldAnswerUnavailableWhenATimeoutHidesARealConnectionFailure() {
        SQLException timeout = new SQLException("Sorry, acquisition timeout!",
                new SQLException("I/O error", "08006"));

        assertEquals(ProblemMappers.DatabaseTrouble.UNREACHABLE, ProblemMappers.DatabaseTrouble.of(new RuntimeException(timeout)));
    }

    @Test
    void shouldLeaveOtherDatabaseErrorsToTheGenericMapping() {
        assertEquals(ProblemMappers.DatabaseTrouble.NONE, ProblemMappers.DatabaseTrouble.of(new SQLException("duplicate", "23505")));
        assertEquals(500, mappers.unexpected(new IllegalStateException()).getStatus());
    }
}
