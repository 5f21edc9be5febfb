package news.comments.webhook;

import java.util.List;

/** An admin's registration of an endpoint: where, which events, and whether calls carry the author's data. */
public record WebhookRequest(String url, List<String> events, Boolean includeAuthor) {
}
