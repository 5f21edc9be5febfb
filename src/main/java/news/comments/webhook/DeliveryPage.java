package news.comments.webhook;

import java.util.List;

/** Recent calls of one webhook, newest first; {@code next} is the {@code after} of the following page. */
public record DeliveryPage(long webhookId, List<DeliveryView> deliveries, String next) {
}
