package news.comments.comment;

import java.util.Locale;
import java.util.Set;

/**
 * Who changed a comment: the service itself ({@code system}: the rules, the report threshold), a moderator (by
 * account name), the comment's author, or an import. The name is what the history shows; the kind is stored beside
 * it, so that a moderator's name never passes for the service's own (and accounts cannot take the three names).
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

    /** The names of the service's own actors, which no account may take (compared without case). */
    private static final Set<String> RESERVED = Set.of(Kind.SYSTEM.slug(), Kind.AUTHOR.slug(), Kind.IMPORT.slug());

    public static Actor moderator(String username) {
        return new Actor(Kind.MODERATOR, username);
    }

    /** Whether {@code name} is one of the service's own actors' names, which an account must not take. */
    public static boolean isReserved(String name) {
        return name != null && RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The actor a history line written elsewhere names, when only its name is known (an imported history): the
     * service's own names are its own actors, any other name a moderator's.
     */
    static Actor named(String name) {
        for (Actor own : new Actor[]{SYSTEM, AUTHOR, IMPORT}) {
            if (own.name().equals(name)) {
                return own;
            }
        }
        return moderator(name);
    }
}
