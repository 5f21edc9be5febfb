package news.comments.outbox;

import java.util.List;

/** A page of the outbox, newest first; {@code next} is the {@code after} of the following page. */
public record OutboxPage(String status, List<OutboxItem> items, String next) {
}
