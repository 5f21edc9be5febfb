package news.comments.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import news.comments.config.CommentsConfig;
import news.comments.outbox.DeliveryFailure;
import news.comments.outbox.Outbox;
import news.comments.outbox.OutboxChannel;
import news.comments.outbox.OutboxRow;
import news.comments.outbox.RetryPolicy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Webhook calls from the outbox: an HTTP POST of the stored JSON document, signed at each attempt (the signature
 * covers the attempt's time) with the endpoint's current secret, the same {@code webhook-id} every time. A {@code 2xx}
 * is success; any other answer, a redirect included (the specification advises not to follow them), a timeout
 * ({@code comments.webhooks.timeout}) or a refused connection is a failed attempt, retried per
 * {@code comments.webhooks.*}.
 */
@ApplicationScoped
class WebhookChannel implements OutboxChannel {

    private final WebhookRepository webhooks;
    private final CommentsConfig config;
    private final Clock clock;
    private final HttpClient client;

    WebhookChannel(WebhookRepository webhooks, CommentsConfig config, Clock clock) {
        this.webhooks = webhooks;
        this.config = config;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(config.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return Outbox.WEBHOOK;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(config.webhooks().firstRetry(), config.webhooks().maxRetry(),
                config.webhooks().maxAttempts());
    }

    @Override
    public Integer deliver(OutboxRow row) {
        Webhook webhook = row.webhookId() == null ? null : webhooks.findById(row.webhookId());
        if (webhook == null) {
            throw new DeliveryFailure(null, "webhook deleted");
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(config.webhooks().timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "comment-service-webhooks/1")
                .header("webhook-id", row.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhooks.signature(webhook.secret(), row.eventId(), timestamp,
                        row.bodyText()))
                .POST(HttpRequest.BodyPublishers.ofString(row.bodyText(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryFailure(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure(null, "interrupted");
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new DeliveryFailure(status, "HTTP " + status);
        }
        return status;
    }
}
