package news.comments.article;

import news.comments.web.Problem.Violation;

import java.util.List;

/**
 * The part of the admins' settings document that articles own: how long an article takes comments
 * ({@code closeAfterDays}, 0 for ever) and the moderation mode an article gets when it is created
 * ({@code defaultModeration}). The settings package stores the document and hands this part back through
 * {@link Source}, so articles never depend on it.
 */
public record ArticleSettings(int closeAfterDays, ModerationMode defaultModeration) {

    public static final int CLOSE_AFTER_DAYS_MAX = 36_500;

    /** Where the current settings come from; implemented by the settings package. */
    public interface Source {
        ArticleSettings articleSettings();
    }

    /** Checks the document's raw fields, adding a violation for each broken one. */
    public static void check(Integer closeAfterDays, String defaultModeration, List<Violation> violations) {
        if (closeAfterDays == null) {
            violations.add(new Violation("closeAfterDays", "is required"));
        } else if (closeAfterDays < 0 || closeAfterDays > CLOSE_AFTER_DAYS_MAX) {
            violations.add(new Violation("closeAfterDays", "must be from 0 to " + CLOSE_AFTER_DAYS_MAX));
        }
        if (defaultModeration == null) {
            violations.add(new Violation("defaultModeration", "is required"));
        } else if (!defaultModeration.equals("PRE") && !defaultModeration.equals("POST")) {
            violations.add(new Violation("defaultModeration", "must be PRE or POST"));
        }
    }
}
