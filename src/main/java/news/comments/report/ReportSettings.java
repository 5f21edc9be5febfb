package news.comments.report;

import news.comments.web.Problem.Violation;

import java.util.List;

/**
 * The part of the admins' settings document that reports own: how many open reports hide a published comment until a
 * moderator decides ({@code reportsHideThreshold}). Stored by the settings package, handed back through
 * {@link Source}.
 */
public record ReportSettings(int hideThreshold) {

    public static final int HIDE_THRESHOLD_MAX = 10_000;

    /** Where the current settings come from; implemented by the settings package. */
    public interface Source {
        ReportSettings reportSettings();
    }

    public static void check(Integer reportsHideThreshold, List<Violation> violations) {
        if (reportsHideThreshold == null) {
            violations.add(new Violation("reportsHideThreshold", "is required"));
        } else if (reportsHideThreshold < 1 || reportsHideThreshold > HIDE_THRESHOLD_MAX) {
            violations.add(new Violation("reportsHideThreshold", "must be from 1 to " + HIDE_THRESHOLD_MAX));
        }
    }
}
