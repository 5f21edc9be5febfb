package news.comments.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {

    /** One page of articles in id order, starting after {@code afterId} (keyset, no OFFSET). */
    public List<Article> pageAfter(String afterId, int limit) {
        // setMaxResults alone: Panache's page(0, n) also sets a first result, which Hibernate sends as "offset ? rows"
        return getEntityManager()
                .createQuery("from Article where id > :after order by id", Article.class)
                .setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit)
                .getResultList();
    }
}
