package news.comments.moderation;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.comment.Comment;
import news.comments.comment.CommentRepository;

import java.util.List;

/**
 * The moderation queue's queries: comments of one status (optionally of one article, and only those a given rule
 * fired on), oldest first, and reported ones, most reported first. Each is a keyset page on an index of the same
 * order (comment_queue_idx / comment_thread_idx, comment_reported_idx, rule_hit_rule_idx).
 */
@ApplicationScoped
class QueueRepository {

    private final CommentRepository comments;

    QueueRepository(CommentRepository comments) {
        this.comments = comments;
    }

    /** One page of the queue the query names, with one row more than asked, to tell whether another page follows. */
    List<Comment> pageOf(QueueQuery query) {
        int limit = query.limit() + 1;
        if (query.reported()) {
            return reportedPage(query, limit);
        }
        Parameters parameters = Parameters.with("status", query.status());
        String where = "c.status = :status" + filters(query, parameters);
        return comments.timePage(where, parameters, query.articleId() == null ? CommentRepository.BY_STATUS
                : CommentRepository.BY_ARTICLE, query.after(), limit);
    }

    private List<Comment> reportedPage(QueueQuery query, int limit) {
        Parameters parameters = Parameters.with("status", query.status());
        String where = "c.status = :status and c.openReports > 0" + filters(query, parameters);
        if (query.after() != null) {
            where += " and (c.openReports < :afterCount or (c.openReports = :afterCount and c.id > :afterId))";
            parameters.and("afterCount", (int) query.after().position()).and("afterId", query.after().id());
        }
        return comments.firstRows("from Comment c where " + where + " order by c.openReports desc, c.id", parameters,
                limit);
    }

    private static String filters(QueueQuery query, Parameters parameters) {
        String where = "";
        if (query.articleId() != null) {
            where += " and c.articleId = :articleId";
            parameters.and("articleId", query.articleId());
        }
        if (query.rule() != null) {
            where += " and exists (select 1 from RuleHitEntry h where h.commentId = c.id and h.rule = :rule)";
            parameters.and("rule", query.rule());
        }
        return where;
    }
}
