package news.comments.settings;

import news.comments.article.ArticleSettings;
import news.comments.article.ModerationMode;
import news.comments.automod.LearnedFilterValues;
import news.comments.automod.RuleValues;
import news.comments.report.ReportSettings;
import news.comments.web.Problem.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings document as admins read and replace it ({@code GET}/{@code PUT /api/admin/settings}). Field names are
 * the configuration keys in camelCase. A PUT must carry every field: it replaces the document whole. Its shape is
 * flat for the admins, but each part belongs to a feature, which checks its own fields: the rules
 * ({@link RuleValues}), articles ({@link ArticleSettings}) and reports ({@link ReportSettings}). The learned filter's
 * part is one nested object, {@code learnedFilter} ({@link LearnedFilterValues}).
 */
public record SettingsDocument(Integer maxLinks, List<String> holdWords, List<String> blockWords,
                               List<String> blockEmails, List<String> blockIps, Boolean trustReturningCommenters,
                               Integer floodSeconds, String honeypotField, Integer closeAfterDays,
                               Integer reportsHideThreshold, String defaultModeration,
                               LearnedFilterValues learnedFilter) {

    /** Every broken field at once, so an admin's form can mark them all. */
    List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        rules().check(violations);
        ArticleSettings.check(closeAfterDays, defaultModeration, violations);
        ReportSettings.check(reportsHideThreshold, violations);
        LearnedFilterValues.check(learnedFilter, violations);
        return violations;
    }

    /** The same document with entries trimmed, as it is stored. */
    SettingsDocument normalized() {
        RuleValues rules = rules().normalized();
        return new SettingsDocument(rules.maxLinks(), rules.holdWords(), rules.blockWords(), rules.blockEmails(),
                rules.blockIps(), rules.trustReturningCommenters(), rules.floodSeconds(), rules.honeypotField(),
                closeAfterDays, reportsHideThreshold, defaultModeration, learnedFilter);
    }

    /** A document stored before the learned filter existed gets its part from the configuration. */
    SettingsDocument withLearnedFilterOr(LearnedFilterValues seed) {
        return learnedFilter != null ? this : new SettingsDocument(maxLinks, holdWords, blockWords, blockEmails,
                blockIps, trustReturningCommenters, floodSeconds, honeypotField, closeAfterDays, reportsHideThreshold,
                defaultModeration, seed);
    }

    RuleValues rules() {
        return new RuleValues(maxLinks, holdWords, blockWords, blockEmails, blockIps, trustReturningCommenters,
                floodSeconds, honeypotField);
    }

    /** Only for a document that passed {@link #violations}. */
    ArticleSettings articles() {
        return new ArticleSettings(closeAfterDays, ModerationMode.valueOf(defaultModeration));
    }

    /** Only for a document that passed {@link #violations}. */
    ReportSettings reports() {
        return new ReportSettings(reportsHideThreshold);
    }
}
