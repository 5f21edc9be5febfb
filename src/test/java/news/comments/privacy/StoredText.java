package news.comments.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the database itself holds, for the erasure tests: they check the tables, not only the responses. */
final class StoredText {

    private StoredText() {
    }

    /** Every text column of every table of the service that holds the text, in any case. */
    static List<String> tablesNaming(EntityManager entityManager, String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> columns = entityManager.createNativeQuery("select table_name, column_name from "
                    + "information_schema.columns where lower(table_schema) = 'public' and (lower(data_type) like "
                    + "'%char%' or lower(data_type) like '%clob%' or lower(data_type) = 'text') "
                    + "and lower(table_name) <> 'flyway_schema_history'").getResultList();
            List<String> found = new ArrayList<>();
            for (Object[] column : columns) {
                Number count = (Number) entityManager.createNativeQuery("select count(*) from \"" + column[0]
                                + "\" where lower(\"" + column[1] + "\") like ?1")
                        .setParameter(1, "%" + text.toLowerCase(Locale.ROOT) + "%").getSingleResult();
                if (count.longValue() > 0) {
                    // H2 names tables and columns in upper case, PostgreSQL in lower case
                    found.add((column[0] + "." + column[1]).toUpperCase(Locale.ROOT));
                }
            }
            return found;
        });
    }

    /** The documents of a webhook's calls about one comment, in the order they were queued. */
    static List<JsonPath> webhookCalls(EntityManager entityManager, long webhook, long commentId) {
        List<?> bodies = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("select "
                        + "body_text from outbox where webhook_id = ?1 and channel = 'webhook' order by id")
                .setParameter(1, webhook).getResultList());
        return bodies.stream().map(body -> JsonPath.from(body.toString()))
                .filter(document -> document.getLong("data.commentId") == commentId).toList();
    }
}
