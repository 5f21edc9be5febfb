package news.comments.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * Which database this build talks to. {@code quarkus.datasource.db-kind} is fixed at build time, so the answer never
 * changes while the service runs; the few statements that differ between H2 and PostgreSQL ask here.
 */
@ApplicationScoped
public class DatabaseKind {

    private final boolean postgres;
    private final boolean h2File;

    @Inject
    DatabaseKind(@ConfigProperty(name = "quarkus.datasource.db-kind") String kind,
                 @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this(kind.toLowerCase(Locale.ROOT).startsWith("postgres"),
                kind.equalsIgnoreCase("h2") && isH2FileUrl(url));
    }

    DatabaseKind(boolean postgres, boolean h2File) {
        this.postgres = postgres;
        this.h2File = h2File;
    }

    /** PostgreSQL: {@code ON CONFLICT}, {@code SKIP LOCKED}, {@code LISTEN/NOTIFY}. */
    public boolean isPostgres() {
        return postgres;
    }

    /** Embedded H2 kept in a file, the one database whose answered writes need {@link H2GroupCommit}. */
    public boolean isH2File() {
        return h2File;
    }

    /** {@code jdbc:h2:mem:} keeps nothing; {@code jdbc:h2:tcp:} and {@code ssl:} are another process's business. */
    static boolean isH2FileUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:");
    }
}
