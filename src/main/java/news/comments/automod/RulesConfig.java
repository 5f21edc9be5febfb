package news.comments.automod;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * The auto-moderation rules' first values. They seed the settings document ({@code /api/admin/settings}) on the
 * first start; from then on the document in the database is what counts, and admins change it at run time. They
 * sit with the rules they seed; {@code settings/} reads them to seed the document.
 */
@ConfigMapping(prefix = "comments.rules")
public interface RulesConfig {

    /** More URLs than this in the body hold the comment. */
    @WithDefault("2")
    int maxLinks();

    /** Words or phrases that hold a comment when found in any of its fields. */
    Optional<List<String>> holdWords();

    /** Words or phrases that make a comment spam. */
    Optional<List<String>> blockWords();

    /** Addresses, or {@code @domain} for a whole domain, whose comments are spam. */
    Optional<List<String>> blockEmails();

    /** IP addresses or CIDR ranges whose comments are spam. */
    Optional<List<String>> blockIps();

    /** In PRE mode, approve at once an author with an approved comment and none marked spam. */
    @WithDefault("true")
    boolean trustReturningCommenters();

    /** Seconds between two comments from one IP or one email; 0 switches the rule off. */
    @WithDefault("15")
    int floodSeconds();

    /** Name of the hidden form field that people never fill; a value in it makes the comment spam. */
    @WithDefault("website2")
    String honeypotField();

    /** Close comments on articles older than this many days; 0 means never. */
    @WithDefault("0")
    int closeAfterDays();
}
