package news.comments.privacy;

import java.util.Locale;

/**
 * What erasing an address does to its comments ({@code comments.privacy.erase-mode}): {@code anonymize} keeps them
 * under "Deleted commenter", {@code delete} takes them out of every public view. Written in lower case, as in the
 * configuration, in {@link ErasedView#mode()}.
 */
public enum EraseMode {
    ANONYMIZE, DELETE;

    /** The name as configured and as answered: {@code anonymize} or {@code delete}. */
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
