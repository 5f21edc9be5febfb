package news.comments.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import news.comments.article.Article;
import news.comments.automod.Hit;
import news.comments.automod.RuleHits;
import news.comments.backup.ExportOrigin;
import news.comments.comment.Comment;
import news.comments.comment.HistoryEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The export's reads: articles and comments in pages of {@link #PAGE} by id, each page in a short read-only
 * transaction of its own, with the history, rule hits and parents' export keys of its comments in one query each; and
 * every comment's export key ({@link #sourceKey}).
 */
@ApplicationScoped
class ExportPages {

    static final int PAGE = 500;

    private final EntityManager entityManager;
    private final RuleHits ruleHits;
    private final ExportOrigin origin;

    ExportPages(EntityManager entityManager, RuleHits ruleHits, ExportOrigin origin) {
        this.entityManager = entityManager;
        this.ruleHits = ruleHits;
        this.origin = origin;
    }

    /** A page of comments with their history lines, rule hits and their parents' export keys. */
    record Page(List<Comment> comments, Map<Long, List<HistoryEntry>> history, Map<Long, List<Hit>> hits,
                Map<Long, String> parentKeys) {
    }

    /**
     * Where a comment first came from: its import's source and id ({@code wxr:…}, {@code disqus:…}), or its id in the
     * service that first held it ({@code id:<origin>:<id>}: posted here, or, for a restored comment, where it was
     * exported from; {@code id:N} in exports older than the origin).
     */
    String sourceKey(Comment comment) {
        if (comment.source() == null) {
            return "id:" + origin.origin() + ":" + comment.id();
        }
        return ImportFormat.JSON.source().equals(comment.source()) ? comment.sourceId()
                : comment.source() + ":" + comment.sourceId();
    }

    List<Article> articles(String after, String only) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createQuery("select a from Article a where a.id > ?1"
                    + (only == null ? "" : " and a.id = ?2") + " order by a.id", Article.class).setParameter(1, after);
            if (only != null) {
                query.setParameter(2, only);
            }
            return query.setMaxResults(PAGE).setHint("org.hibernate.readOnly", true).getResultList();
        });
    }

    Page comments(long after, String only) {
        return QuarkusTransaction.requiringNew().call(() -> page(entityManager.createQuery("select c from Comment c "
                        + "where c.id > ?1" + (only == null ? "" : " and c.articleId = ?2") + " order by c.id",
                Comment.class).setParameter(1, after), only));
    }

    /** The export keys of these comments, for the parts that name comments. */
    Map<Long, String> keysOf(Collection<Long> ids) {
        Map<Long, String> keys = new HashMap<>();
        List<Long> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        for (int from = 0; from < distinct.size(); from += PAGE) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + PAGE));
            QuarkusTransaction.requiringNew().run(() -> {
                for (Comment comment : entityManager.createQuery("select c from Comment c where c.id in ?1",
                        Comment.class).setParameter(1, chunk).setHint("org.hibernate.readOnly", true)
                        .getResultList()) {
                    keys.put(comment.id(), sourceKey(comment));
                }
            });
        }
        return keys;
    }

    private Page page(TypedQuery<Comment> query, String articleId) {
        if (articleId != null) {
            query.setParameter(2, articleId);
        }
        List<Comment> comments = query.setMaxResults(PAGE).setHint("org.hibernate.readOnly", true).getResultList();
        Map<Long, List<HistoryEntry>> history = new HashMap<>();
        Map<Long, String> parentKeys = new HashMap<>();
        Map<Long, List<Hit>> hits = Map.of();
        if (!comments.isEmpty()) {
            List<Long> ids = comments.stream().map(Comment::id).toList();
            for (Object[] line : entityManager.createQuery("select h.comment.id, h from HistoryEntry h "
                    + "where h.comment.id in ?1 order by h.id", Object[].class).setParameter(1, ids).getResultList()) {
                history.computeIfAbsent((Long) line[0], k -> new ArrayList<>()).add((HistoryEntry) line[1]);
            }
            hits = ruleHits.forComments(ids);
            List<Long> parents = comments.stream().map(Comment::parentId).filter(Objects::nonNull).distinct().toList();
            if (!parents.isEmpty()) {
                for (Comment parent : entityManager.createQuery("select c from Comment c where c.id in ?1",
                        Comment.class).setParameter(1, parents).getResultList()) {
                    parentKeys.put(parent.id(), sourceKey(parent));
                }
            }
        }
        return new Page(comments, history, hits, parentKeys);
    }
}
