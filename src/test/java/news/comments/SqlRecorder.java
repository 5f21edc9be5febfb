package news.comments;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only: records the SQL Hibernate sends, so that tests can check its shape (no OFFSET scans). */
@PersistenceUnitExtension
@ApplicationScoped
public class SqlRecorder implements StatementInspector {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    /**
     * Every statement but the background jobs': the outbox sender (tables outbox, outbox_*) and the jobs marked
     * {@link news.comments.infra.Background#SQL} run on their own threads every second or so, beside whatever request
     * a test measures, and are never part of a read.
     */
    @Override
    public String inspect(String sql) {
        if (!sql.startsWith(news.comments.infra.Background.SQL) && !OUTBOX.matcher(sql).find()) {
            statements.add(sql);
        }
        return sql;
    }

    private static final java.util.regex.Pattern OUTBOX = java.util.regex.Pattern.compile("\\boutbox(_\\w+)?\\b");

    public void clear() {
        statements.clear();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }
}
