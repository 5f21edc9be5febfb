package news.comments.article;

import java.util.List;
import java.util.Map;

/**
 * How many comments each article has in each status, for the admins' article list. Comments depend on articles, not
 * the other way round, so articles ask through this port and the comment package answers it.
 */
public interface ArticleCommentCounts {

    /** Each article id to its counts by status name, every status present (0 when none); one query for the list. */
    Map<String, Map<String, Long>> countByStatus(List<String> articleIds);
}
