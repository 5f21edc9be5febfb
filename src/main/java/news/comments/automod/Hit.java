package news.comments.automod;

/**
 * A rule that fired: its name (such as {@code max-links}), its effect, and a detail a moderator can read
 * ({@code max-links: 3 links, limit 2}).
 */
public record Hit(String rule, Effect effect, String detail) {
}
