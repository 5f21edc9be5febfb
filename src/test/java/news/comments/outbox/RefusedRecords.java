package news.comments.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Makes the database refuse, a given number of times, to record the attempts at one outbox row, as a database does
 * when a burst has taken every connection or a lock is held: a trigger on {@code outbox_attempt} that fails the
 * insert. On H2 it is this class (its counters are JVM-wide system properties, as H2 may load the class with another
 * class loader than the test's); on PostgreSQL a PL/pgSQL function counting with a sequence, which a rollback does
 * not undo.
 */
public final class RefusedRecords implements Trigger {

    private static final String ROW = "news.comments.outbox.refused-row";
    private static final String LEFT = "news.comments.outbox.refused-left";

    /** Refuses the next {@code times} records of row {@code outboxId}'s attempts; undo with {@link #stop}. */
    static void refuse(EntityManager entityManager, boolean postgres, long outboxId, int times) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (postgres) {
                entityManager.createNativeQuery("create sequence test_refused_records").executeUpdate();
                entityManager.createNativeQuery("create function test_refuse_record() returns trigger as $$ begin "
                        + "if new.outbox_id = " + outboxId + " and nextval('test_refused_records') <= " + times
                        + " then raise exception 'refused by the test'; end if; return new; end $$ "
                        + "language plpgsql").executeUpdate();
                entityManager.createNativeQuery("create trigger test_refuse_record before insert on outbox_attempt "
                        + "for each row execute function test_refuse_record()").executeUpdate();
            } else {
                System.setProperty(ROW, Long.toString(outboxId));
                System.setProperty(LEFT, Integer.toString(times));
                entityManager.createNativeQuery("create trigger test_refuse_record before insert on outbox_attempt "
                        + "for each row call '" + RefusedRecords.class.getName() + "'").executeUpdate();
            }
        });
    }

    static void stop(EntityManager entityManager, boolean postgres) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("drop trigger if exists test_refuse_record"
                    + (postgres ? " on outbox_attempt" : "")).executeUpdate();
            if (postgres) {
                entityManager.createNativeQuery("drop function if exists test_refuse_record()").executeUpdate();
                entityManager.createNativeQuery("drop sequence if exists test_refused_records").executeUpdate();
            }
        });
        System.clearProperty(ROW);
        System.clearProperty(LEFT);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        long outboxId = ((Number) newRow[1]).longValue();
        if (Long.toString(outboxId).equals(System.getProperty(ROW))) {
            Object left = System.getProperties().compute(LEFT, (key, value) ->
                    value == null ? null : Integer.toString(Integer.parseInt((String) value) - 1));
            if (left != null && Integer.parseInt((String) left) >= 0) {
                throw new SQLException("refused by the test");
            }
        }
    }
}
