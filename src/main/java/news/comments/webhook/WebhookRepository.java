package news.comments.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.infra.Background;

import java.util.List;

/** The registered webhooks; few rows, read whole. */
@ApplicationScoped
class WebhookRepository implements PanacheRepository<Webhook> {

    /**
     * Every webhook, for the subscriptions' snapshot: read again every few seconds whoever asks first (the outbox
     * sender, or a request that fires an event), so it carries the background mark and no request counts it.
     */
    @SuppressWarnings("unchecked")
    List<Webhook> allForSnapshot() {
        return getEntityManager().createNativeQuery(Background.SQL + "select * from webhook", Webhook.class)
                .getResultList();
    }
}
