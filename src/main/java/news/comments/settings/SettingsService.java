package news.comments.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import news.comments.article.ArticleSettings;
import news.comments.automod.LearnedFilterValues;
import news.comments.automod.RuleSettings;
import news.comments.automod.RulesConfig;
import news.comments.filter.LearnedFilterConfig;
import news.comments.infra.InsertOnce;
import news.comments.moderation.ModerationConfig;
import news.comments.report.ReportConfig;
import news.comments.report.ReportSettings;
import news.comments.web.InvalidRequestException;
import news.comments.web.Problem;

import java.time.Clock;
import java.util.List;

/**
 * The settings document: seeded from {@code comments.rules.*}, {@code comments.learned-filter.*},
 * {@code comments.reports.hide-threshold} and {@code comments.moderation.default-mode} on the first start (a document
 * stored before the learned filter existed takes its {@code learnedFilter} part from the configuration), then kept in
 * the database and changed by admins at run
 * time. Each feature reads its own part through the port it owns ({@link RuleSettings.Source},
 * {@link ArticleSettings.Source}, {@link ReportSettings.Source}). The row's version is read once per transaction
 * (a primary-key look-up), so a change counts at once on every instance; the compiled parts are reused while the
 * version stays the same.
 */
@ApplicationScoped
public class SettingsService implements RuleSettings.Source, ArticleSettings.Source, ReportSettings.Source {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final RulesConfig rules;
    private final ReportConfig reports;
    private final ModerationConfig moderation;
    private final LearnedFilterConfig learnedFilter;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transaction;
    private volatile Compiled compiled;

    private record Compiled(long version, RuleSettings rules, ArticleSettings articles, ReportSettings reports) {
    }

    SettingsService(EntityManager entityManager, ObjectMapper mapper, RulesConfig rules, ReportConfig reports,
                    ModerationConfig moderation, LearnedFilterConfig learnedFilter, Clock clock,
                    TransactionSynchronizationRegistry transaction) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.rules = rules;
        this.reports = reports;
        this.moderation = moderation;
        this.learnedFilter = learnedFilter;
        this.clock = clock;
        this.transaction = transaction;
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
        // another instance may seed the row at the same moment: the primary key keeps one
        InsertOnce.tryInsert(() -> {
            SettingsRow row = new SettingsRow();
            row.id = SettingsRow.ID;
            row.document = write(initial.normalized());
            row.updatedBy = SEEDED_BY;
            row.updatedAt = clock.instant();
            entityManager.persist(row);
        });
    }

    @Override
    @Transactional
    public RuleSettings ruleSettings() {
        return current().rules();
    }

    @Override
    @Transactional
    public ArticleSettings articleSettings() {
        return current().articles();
    }

    @Override
    @Transactional
    public ReportSettings reportSettings() {
        return current().reports();
    }

    /**
     * The compiled settings of this transaction: the version is read on the first call only, so a post that asks
     * for several parts costs one look-up, and all of them come from the same version.
     */
    private Compiled current() {
        Object mine = transaction.getResource(Compiled.class);
        if (mine instanceof Compiled inThisTransaction) {
            return inThisTransaction;
        }
        // the version alone while it is unchanged: the document is neither read nor kept for the flush's checks
        Compiled cached = compiled;
        if (cached == null || cached.version != currentVersion()) {
            SettingsRow row = row();
            SettingsDocument document = read(row.document);
            cached = new Compiled(row.version, RuleSettings.compile(document.rules(), document.learnedFilter()),
                    document.articles(),
                    document.reports());
            compiled = cached;
        }
        transaction.putResource(Compiled.class, cached);
        return cached;
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
        // later reads in this transaction see the new version
        transaction.putResource(Compiled.class, Boolean.FALSE);
        return normalized;
    }

    /** Who seeded the row on the first start: the configuration; an admin's name once anyone saved the document. */
    static final String SEEDED_BY = "configuration";

    /** The stored document as it is, with who saved it and when: for the export. */
    @Transactional
    public Stored stored() {
        SettingsRow row = row();
        return new Stored(read(row.document), row.updatedBy, row.updatedAt);
    }

    /** The settings as the export carries them. */
    public record Stored(SettingsDocument document, String updatedBy, java.time.Instant updatedAt) {
    }

    /**
     * A restore's settings: they replace these only when nobody has saved any here (still the configuration's), so a
     * second export restored into a service keeps the settings of the first. Answers whether they were (or, with
     * {@code dryRun}, would be) taken; refuses an invalid document with its violations.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean restore(SettingsDocument document, String updatedBy, java.time.Instant updatedAt, boolean dryRun) {
        List<Problem.Violation> violations = document.violations();
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        SettingsRow row = row();
        if (!SEEDED_BY.equals(row.updatedBy)) {
            return false;
        }
        if (!dryRun) {
            row.document = write(document.normalized());
            row.updatedBy = updatedBy;
            row.updatedAt = updatedAt;
            entityManager.flush();
            transaction.putResource(Compiled.class, Boolean.FALSE);
        }
        return true;
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
        return new SettingsDocument(rules.maxLinks(), rules.holdWords().orElse(List.of()),
                rules.blockWords().orElse(List.of()), rules.blockEmails().orElse(List.of()),
                rules.blockIps().orElse(List.of()), rules.trustReturningCommenters(), rules.floodSeconds(),
                rules.honeypotField(), rules.closeAfterDays(), reports.hideThreshold(),
                moderation.defaultMode().name(), learnedFilterFromConfig());
    }

    private LearnedFilterValues learnedFilterFromConfig() {
        return new LearnedFilterValues(learnedFilter.enabled(), learnedFilter.holdAbove(), learnedFilter.spamAbove(),
                learnedFilter.minTraining());
    }

    private SettingsDocument read(String json) {
        try {
            return mapper.readValue(json, SettingsDocument.class).withLearnedFilterOr(learnedFilterFromConfig());
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
