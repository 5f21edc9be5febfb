package news.comments.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** The registered webhooks; few rows, read whole. */
@ApplicationScoped
class WebhookRepository implements PanacheRepository<Webhook> {
}
