package news.comments.automod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import news.comments.config.CommentsConfig;
import news.comments.web.InvalidRequestException;
import news.comments.web.Problem;

import java.time.Clock;
import java.util.List;

/**
 * The auto-moderation settings: seeded from {@code comments.rules.*} on the first start, then kept in the database
 * and changed by admins at run time. Every new comment reads the row (a primary-key look-up), so a change counts at
 * once on every instance; the compiled form is reused while the row's version stays the same.
 */
@ApplicationScoped
public class SettingsService {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final CommentsConfig config;
    private final Clock clock;
    private volatile Compiled compiled;

    private record Compiled(long version, RuleSettings settings) {
    }

    SettingsService(EntityManager entityManager, ObjectMapper mapper, CommentsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    void seed(@Observes StartupEvent event) {
        boolean present = QuarkusTransaction.requiringNew().call(() ->
                entityManager.find(SettingsRow.class, SettingsRow.ID) != null);
        if (present) {
            return;
        }
        SettingsDocument initial = fromConfig();
        List<Problem.Violation> violations = initial.violations();
        if (!violations.isEmpty()) {
            throw new IllegalStateException("comments.rules.* settings are invalid: " + violations);
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                SettingsRow row = new SettingsRow();
                row.id = SettingsRow.ID;
                row.document = write(initial.normalized());
                row.updatedBy = "configuration";
                row.updatedAt = clock.instant();
                entityManager.persist(row);
            });
        } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException e) {
            // another instance seeded the row first
        }
    }

    /** The settings the rules use now. Call inside a transaction. */
    @Transactional
    public RuleSettings current() {
        // the version alone while it is unchanged: the document is neither read nor kept for the flush's checks
        Compiled cached = compiled;
        if (cached != null && cached.version == currentVersion()) {
            return cached.settings;
        }
        SettingsRow row = row();
        RuleSettings settings = RuleSettings.compile(read(row.document));
        compiled = new Compiled(row.version, settings);
        return settings;
    }

    @Transactional
    public SettingsDocument document() {
        return read(row().document);
    }

    /** Replaces the document whole after checking every field; refuses it with all violations at once. */
    @Transactional
    public SettingsDocument replace(SettingsDocument document, String admin) {
        if (document == null) {
            throw InvalidRequestException.of("request", "a JSON settings document is required");
        }
        List<Problem.Violation> violations = document.violations();
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        SettingsDocument normalized = document.normalized();
        SettingsRow row = row();
        row.document = write(normalized);
        row.updatedBy = admin;
        row.updatedAt = clock.instant();
        entityManager.flush();
        return normalized;
    }

    private long currentVersion() {
        return entityManager.createQuery("select s.version from SettingsRow s where s.id = :id", Long.class)
                .setParameter("id", SettingsRow.ID).getSingleResult();
    }

    private SettingsRow row() {
        SettingsRow row = entityManager.find(SettingsRow.class, SettingsRow.ID);
        if (row == null) {
            throw new IllegalStateException("the settings row is missing; it is created at start-up");
        }
        return row;
    }

    private SettingsDocument fromConfig() {
        CommentsConfig.Rules rules = config.rules();
        return new SettingsDocument(rules.maxLinks(), rules.holdWords().orElse(List.of()),
                rules.blockWords().orElse(List.of()), rules.blockEmails().orElse(List.of()),
                rules.blockIps().orElse(List.of()), rules.trustReturningCommenters(), rules.floodSeconds(),
                rules.honeypotField(), rules.closeAfterDays(), config.reports().hideThreshold(),
                config.moderation().defaultMode());
    }

    private SettingsDocument read(String json) {
        try {
            return mapper.readValue(json, SettingsDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored settings document is not readable", e);
        }
    }

    private String write(SettingsDocument document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the settings document cannot be written", e);
        }
    }
}
