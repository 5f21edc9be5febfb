package news.comments.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.outbox.DeliveryFailure;
import news.comments.outbox.Outbox;
import news.comments.outbox.OutboxChannel;
import news.comments.outbox.OutboxRow;
import news.comments.outbox.RetryPolicy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Webhook calls from the outbox: an HTTP POST of the stored JSON document, signed at each attempt (the signature
 * covers the attempt's time) with the endpoint's current secret, the same {@code webhook-id} every time. A {@code 2xx}
 * is success; any other answer, a redirect included (the specification advises not to follow them), no complete
 * answer within {@code comments.webhooks.timeout} (connecting and reading included: the call is cut off then) or a
 * refused connection is a failed attempt, retried per {@code comments.webhooks.*}. Calls go out
 * {@code comments.webhooks.parallel-calls} at a time, at most {@code comments.webhooks.calls-per-endpoint} to one
 * endpoint, so a dead endpoint does not hold up the others.
 */
@ApplicationScoped
class WebhookChannel implements OutboxChannel {

    /** Beyond the call's own limit, before a claimed call is taken for lost: the time to record its result. */
    private static final Duration LEASE_MARGIN = Duration.ofMinutes(1);

    private final WebhookRepository webhooks;
    private final WebhookSubscriptions subscriptions;
    private final WebhookConfig config;
    private final Clock clock;
    private final HttpClient client;

    WebhookChannel(WebhookRepository webhooks, WebhookSubscriptions subscriptions, WebhookConfig config,
                   Clock clock) {
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
        this.config = config;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return Outbox.WEBHOOK;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(config.firstRetry(), config.maxRetry(),
                config.maxAttempts());
    }

    @Override
    public int parallelism() {
        return config.parallelCalls();
    }

    /** Every registered webhook (a new one registered on another instance within {@link WebhookSubscriptions#TTL}). */
    @Override
    public List<Long> receivers() {
        return subscriptions.ids();
    }

    @Override
    public int perReceiver() {
        return config.callsPerEndpoint();
    }

    @Override
    public Duration lease() {
        return config.timeout().plus(LEASE_MARGIN);
    }

    @Override
    public Integer deliver(OutboxRow row) {
        Webhook webhook = row.webhookId() == null ? null
                : QuarkusTransaction.requiringNew().call(() -> webhooks.findById(row.webhookId()));
        if (webhook == null) {
            throw new DeliveryFailure(null, "webhook deleted");
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "comment-service-webhooks/1")
                .header("webhook-id", row.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhooks.signature(webhook.secret(), row.eventId(), timestamp,
                        row.bodyText()))
                .POST(HttpRequest.BodyPublishers.ofString(row.bodyText(), StandardCharsets.UTF_8))
                .build();
        int status = call(request).statusCode();
        if (status < 200 || status > 299) {
            throw new DeliveryFailure(status, "HTTP " + status);
        }
        return status;
    }

    /**
     * Sends the request and reads the answer to its end, all within the timeout: the request's own timeout covers
     * only the wait for the status line, so a receiver trickling its body would hold the thread longer.
     */
    private HttpResponse<Void> call(HttpRequest request) {
        Duration timeout = config.timeout();
        CompletableFuture<HttpResponse<Void>> answer = client.sendAsync(request,
                HttpResponse.BodyHandlers.discarding());
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new DeliveryFailure(null, "no complete answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DeliveryFailure(null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeliveryFailure(null, "interrupted");
        }
    }
}
