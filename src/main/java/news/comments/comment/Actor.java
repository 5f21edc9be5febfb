package news.comments.comment;

import java.util.Locale;

/**
 * Who changed a comment: the service itself ({@code system}: the rules, the report threshold), a moderator (by
 * account name), the comment's author, or an import. The name is what the history shows.
 */
public record Actor(Kind kind, String name) {

    public enum Kind {
        SYSTEM, MODERATOR, AUTHOR, IMPORT;

        String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, Kind.SYSTEM.slug());
    public static final Actor AUTHOR = new Actor(Kind.AUTHOR, Kind.AUTHOR.slug());
    public static final Actor IMPORT = new Actor(Kind.IMPORT, Kind.IMPORT.slug());

    public static Actor moderator(String username) {
        return new Actor(Kind.MODERATOR, username);
    }
}
