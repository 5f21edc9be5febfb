package news.comments.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {

    /** One page of articles in id order, starting after {@code afterId} (keyset, no OFFSET). */
    public List<Article> pageAfter(String afterId, int limit) {
        if (afterId == null) {
            return find("order by id").page(0, limit).list();
        }
        return find("id > ?1 order by id", afterId).page(0, limit).list();
    }
}
