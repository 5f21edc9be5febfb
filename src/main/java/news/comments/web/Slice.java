package news.comments.web;

import java.util.List;
import java.util.function.Function;

/**
 * One keyset page: the query asks for one row more than the limit, and that extra row only tells whether a next
 * page exists. {@link #next} makes the cursor from the last row shown.
 */
public record Slice<T>(List<T> items, boolean more) {

    public static <T> Slice<T> of(List<T> fetched, int limit) {
        boolean more = fetched.size() > limit;
        return new Slice<>(more ? fetched.subList(0, limit) : fetched, more);
    }

    /** The {@code after} value of the following page, or null at the end. */
    public String next(Function<T, String> cursorOfLast) {
        return more ? cursorOfLast.apply(items.get(items.size() - 1)) : null;
    }
}
