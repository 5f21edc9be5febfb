package news.comments.webhook;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The events an endpoint may subscribe to, by their type names in the JSON documents. */
enum WebhookEvent {
    CREATED("comment.created"),
    PUBLISHED("comment.published"),
    REJECTED("comment.rejected"),
    SPAM("comment.spam"),
    REPORTED("comment.reported"),
    EDITED("comment.edited"),
    DELETED("comment.deleted"),
    ERASED("comment.erased");

    private final String type;

    WebhookEvent(String type) {
        this.type = type;
    }

    String type() {
        return type;
    }

    /** The event of a type name, or null when there is none. */
    static WebhookEvent parse(String type) {
        for (WebhookEvent event : values()) {
            if (event.type.equals(type)) {
                return event;
            }
        }
        return null;
    }

    static String names() {
        return Arrays.stream(values()).map(WebhookEvent::type).collect(Collectors.joining(", "));
    }
}
