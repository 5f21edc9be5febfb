package news.comments.moderation;

import java.util.List;

/**
 * One page of the moderation queue, oldest first (for {@code REPORTED}: most reported first); {@code next} is the
 * {@code after} of the following page.
 */
public record QueuePage(String status, String articleId, String rule, List<ModerationItem> comments, String next) {
}
