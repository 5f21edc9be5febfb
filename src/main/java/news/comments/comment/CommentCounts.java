package news.comments.comment;

import java.util.Map;

/**
 * Approved comment counts of several articles at once, keyed by article id in the order asked, for a list of
 * headlines: {@code {"counts": {"a": 3, "b": 0}}}.
 */
public record CommentCounts(Map<String, Long> counts) {

    /** Most article ids one request may ask about. */
    public static final int MAX_ARTICLES = 100;
}
