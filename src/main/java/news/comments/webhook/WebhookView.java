package news.comments.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A webhook as admins see it. {@code secret} is there only in the answer to the registration (the one time it is
 * shown, as receivers need it to verify signatures); reads leave it out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(long id, String url, List<String> events, boolean includeAuthor, Instant createdAt,
                          String secret) {

    static WebhookView of(Webhook webhook, boolean withSecret) {
        return new WebhookView(webhook.id(), webhook.url(),
                webhook.events().stream().map(WebhookEvent::type).sorted().toList(), webhook.includeAuthor(),
                webhook.createdAt(), withSecret ? webhook.secret() : null);
    }

    @Override
    public String toString() {
        return "WebhookView[" + id + "]";
    }
}
