package news.comments.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Empties an H2 database to what a service holds right after its first start: the schema (Flyway's history), the
 * accounts, the settings, the server secrets and the learned filter's model row. Every other table is truncated with
 * its identities restarted, whatever tables later migrations add, so new ids may equal old ones.
 */
final class EmptyDatabase {

    private static final Set<String> KEPT = Set.of("flyway_schema_history", "account", "settings", "server_secret",
            "filter_model");

    private EmptyDatabase() {
    }

    static void empty(EntityManager entityManager) {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<String> tables = entityManager.createNativeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'").getResultList();
            entityManager.createNativeQuery("set referential_integrity false").executeUpdate();
            for (String table : tables) {
                if (!KEPT.contains(table.toLowerCase(Locale.ROOT))) {
                    entityManager.createNativeQuery("truncate table \"" + table + "\" restart identity")
                            .executeUpdate();
                }
            }
            entityManager.createNativeQuery("set referential_integrity true").executeUpdate();
        });
    }
}
