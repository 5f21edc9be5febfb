package news.comments.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * Readers' reports ({@code comments.reports.*}). {@code settings/} also reads it: it seeds the settings document's
 * {@code reportsHideThreshold} from it on the first start.
 */
@ConfigMapping(prefix = "comments.reports")
public interface ReportConfig {

    /** Open reports that send an approved comment back to PENDING until a moderator decides. */
    @WithDefault("3")
    int hideThreshold();

    /** Reports one IP may file per hour. */
    @WithDefault("20")
    @Min(1)
    int maxPerHourPerIp();
}
