package news.comments.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Empties the database to what a service holds right after its first start: the schema (Flyway's history), the
 * accounts, the settings, the server secrets and the learned filter's model row. Every other table is truncated with
 * its identities restarted, whatever tables later migrations add, so new ids may equal old ones. H2 (the tests'
 * default) and PostgreSQL ({@code -Ppostgres}, where every test class shares one database) alike.
 */
final class EmptyDatabase {

    private static final Set<String> KEPT = Set.of("flyway_schema_history", "account", "settings", "server_secret",
            "filter_model");

    private EmptyDatabase() {
    }

    static void empty(EntityManager entityManager, boolean postgres) {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<String> tables = ((List<String>) entityManager.createNativeQuery("select table_name from "
                    + "information_schema.tables where table_schema = current_schema and table_type = 'BASE TABLE'")
                    .getResultList()).stream().filter(table -> !KEPT.contains(table.toLowerCase(Locale.ROOT)))
                    .map(table -> "\"" + table + "\"").toList();
            if (postgres) {
                entityManager.createNativeQuery("truncate table " + String.join(", ", tables)
                        + " restart identity").executeUpdate();
                return;
            }
            entityManager.createNativeQuery("set referential_integrity false").executeUpdate();
            for (String table : tables) {
                entityManager.createNativeQuery("truncate table " + table + " restart identity").executeUpdate();
            }
            entityManager.createNativeQuery("set referential_integrity true").executeUpdate();
        });
    }
}
