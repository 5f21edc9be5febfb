package news.comments.moderation;

import java.util.List;

/** One page of the moderation queue, oldest first; {@code next} is the {@code after} of the following page. */
public record QueuePage(String status, String articleId, List<ModerationItem> comments, String next) {
}
