package news.comments.comment;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import news.comments.article.ArticleCommentCounts;
import news.comments.automod.AuthorHistory;
import news.comments.infra.KeyedHashes;
import news.comments.web.Cursor;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comment queries. Every list is a keyset page backed by an index of the same order, so a deep page costs what
 * the first does: no OFFSET anywhere. It also answers the ports through which articles and rules ask about comments
 * ({@link ArticleCommentCounts}, {@link AuthorHistory}); the moderation queue's own filters live in moderation and
 * page through {@link #timePage} and {@link #firstRows}.
 */
@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment>, ArticleCommentCounts, AuthorHistory {

    private final KeyedHashes keyedHashes;

    CommentRepository(KeyedHashes keyedHashes) {
        this.keyedHashes = keyedHashes;
    }

    /** Approved comments of an article, oldest first (index comment_thread_idx). */
    public List<Comment> approvedPage(String articleId, Cursor after, int limit) {
        return timePage("c.articleId = :articleId and c.status = :status", Parameters
                .with("articleId", articleId).and("status", CommentStatus.APPROVED), BY_ARTICLE, after, limit);
    }

    public long countApproved(String articleId) {
        return getEntityManager().createQuery("select count(c) from Comment c "
                        + "where c.articleId = :articleId and c.status = :status", Long.class)
                .setParameter("articleId", articleId)
                .setParameter("status", CommentStatus.APPROVED)
                .getSingleResult();
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

    /**
     * How many comments of this author are approved and spam (comment_duplicate_idx, which leads with the email).
     * Spam of an erased address counts too: its comments keep the address's keyed hash ({@link Comment#spamOf}), so
     * erasing the address does not make its owner a stranger with a clean record.
     */
    @Override
    public Counts countsOf(String email) {
        String address = email.toLowerCase(Locale.ROOT);
        long approved = 0;
        long spam = 0;
        List<Object[]> rows = getEntityManager().createQuery("select c.authorEmailLowerCase, c.status, count(c) "
                        + "from Comment c where c.authorEmailLowerCase in (:email, :erasedSpam) "
                        + "group by c.authorEmailLowerCase, c.status", Object[].class)
                .setParameter("email", address)
                .setParameter("erasedSpam", Comment.spamOf(keyedHashes.email(address)))
                .getResultList();
        for (Object[] row : rows) {
            boolean ownAddress = address.equals(row[0]);
            if (row[1] == CommentStatus.APPROVED && ownAddress) {
                approved += (Long) row[2];
            } else if (row[1] == CommentStatus.SPAM) {
                spam += (Long) row[2];
            }
        }
        return new Counts(approved, spam);
    }

    /**
     * Whether this author already wrote this body on this article (comment_duplicate_idx). Explicit queries here and
     * in the other hot counts: Panache's count(...) derives and translates a new count statement on every call
     * (a tenth of a post's CPU in a profile), while a written query's translation is cached.
     */
    public boolean duplicateExists(String articleId, String email, String bodyFingerprint) {
        return !getEntityManager().createQuery("select c.id from Comment c where c.articleId = :articleId "
                        + "and c.authorEmailLowerCase = :email and c.bodyFingerprint = :fingerprint", Long.class)
                .setParameter("articleId", articleId)
                .setParameter("email", email.toLowerCase(Locale.ROOT))
                .setParameter("fingerprint", bodyFingerprint)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** For each article, how many of its comments are in each status; one grouped query for the whole list. */
    @Override
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

    /**
     * The order of a time page, led by the columns its filter fixes, so that it is exactly the order of the index that
     * serves it. The result is the same, but H2 reads the index in order only when ORDER BY starts with the index's
     * own first columns: ordered by time alone, it read and sorted the whole queue (4.3 s for the first page at
     * 150,000 pending), which its cache of the last result hid from repeated reads (bench/README, benchmark 3).
     */
    public static final String BY_STATUS = "c.status, ";                    // comment_queue_idx
    public static final String BY_ARTICLE = "c.articleId, c.status, ";      // comment_thread_idx

    /**
     * Comments matching {@code where} (JPQL over {@code Comment c}) in time order after the cursor, ordered first by
     * {@code fixedColumns} ({@link #BY_STATUS} or {@link #BY_ARTICLE}, whichever index the filter uses).
     */
    public List<Comment> timePage(String where, Parameters parameters, String fixedColumns, Cursor after,
                                   int limit) {
        String query = where;
        if (after != null) {
            // "c.createdAt >= :afterAt" is implied by the rest, but gives the database a start for its index range:
            // with the OR alone PostgreSQL walked the queue from its oldest item (1.2 s deep in 150,000 pending)
            query += " and c.createdAt >= :afterAt"
                    + " and (c.createdAt > :afterAt or (c.createdAt = :afterAt and c.id > :afterId))";
            parameters.and("afterAt", after.time()).and("afterId", after.id());
        }
        return firstRows("from Comment c where " + query + " order by " + fixedColumns + "c.createdAt, c.id",
                parameters, limit);
    }

    /** setMaxResults alone: Panache's page(0, n) also sets a first result, which Hibernate sends as "offset ? rows". */
    public List<Comment> firstRows(String jpql, Parameters parameters, int limit) {
        TypedQuery<Comment> query = getEntityManager().createQuery(jpql, Comment.class);
        parameters.map().forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }
}
