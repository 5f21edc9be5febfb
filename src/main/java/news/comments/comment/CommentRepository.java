package news.comments.comment;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import news.comments.web.Cursor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The comment queries. Every list is a keyset page on (created_at, id) backed by an index of the same order, so a
 * deep page costs what the first does: no OFFSET anywhere.
 */
@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment> {

    /** Approved comments of an article, oldest first (index comment_thread_idx). */
    public List<Comment> approvedPage(String articleId, Cursor after, int limit) {
        return page("articleId = :articleId and status = :status", Parameters
                .with("articleId", articleId).and("status", CommentStatus.APPROVED), after, limit);
    }

    public long countApproved(String articleId) {
        return count("articleId = ?1 and status = ?2", articleId, CommentStatus.APPROVED);
    }

    /** Approved counts of several articles in one grouped query (index comment_thread_idx); absent means 0. */
    public Map<String, Long> countApproved(List<String> articleIds) {
        Map<String, Long> counts = new HashMap<>();
        getEntityManager().createQuery("select c.articleId, count(c) from Comment c "
                        + "where c.articleId in :ids and c.status = :status group by c.articleId", Object[].class)
                .setParameter("ids", articleIds)
                .setParameter("status", CommentStatus.APPROVED)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /** Comments in one status, optionally of one article, oldest first (comment_queue_idx / comment_thread_idx). */
    public List<Comment> queuePage(CommentStatus status, String articleId, Cursor after, int limit) {
        Parameters parameters = Parameters.with("status", status);
        String where = "status = :status";
        if (articleId != null) {
            where = "articleId = :articleId and " + where;
            parameters = parameters.and("articleId", articleId);
        }
        return page(where, parameters, after, limit);
    }

    /** For each article, how many of its comments are in each status; one grouped query for the whole list. */
    public Map<String, Map<String, Long>> countByStatus(List<String> articleIds) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        if (articleIds.isEmpty()) {
            return counts;
        }
        for (String articleId : articleIds) {
            Map<String, Long> zeroes = new HashMap<>();
            for (CommentStatus status : CommentStatus.values()) {
                zeroes.put(status.name(), 0L);
            }
            counts.put(articleId, zeroes);
        }
        List<Object[]> rows = getEntityManager().createQuery(
                        "select c.articleId, c.status, count(c) from Comment c where c.articleId in :ids "
                                + "group by c.articleId, c.status", Object[].class)
                .setParameter("ids", articleIds)
                .getResultList();
        for (Object[] row : rows) {
            counts.get((String) row[0]).put(((CommentStatus) row[1]).name(), (Long) row[2]);
        }
        return counts;
    }

    private List<Comment> page(String where, Parameters parameters, Cursor after, int limit) {
        String query = where;
        if (after != null) {
            // "createdAt >= :afterAt" is implied by the rest, but gives the database a start for its index range:
            // with the OR alone PostgreSQL walked the queue from its oldest item (1.2 s deep in 150,000 pending)
            query += " and createdAt >= :afterAt"
                    + " and (createdAt > :afterAt or (createdAt = :afterAt and id > :afterId))";
            parameters = parameters.and("afterAt", after.createdAt()).and("afterId", after.id());
        }
        // setMaxResults alone: Panache's page(0, n) also sets a first result, which Hibernate sends as "offset ? rows"
        TypedQuery<Comment> page = getEntityManager()
                .createQuery("from Comment where " + query + " order by createdAt, id", Comment.class);
        parameters.map().forEach(page::setParameter);
        return page.setMaxResults(limit).getResultList();
    }
}
