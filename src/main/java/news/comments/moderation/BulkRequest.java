package news.comments.moderation;

import java.util.List;

/** One decision for many comments: {@code action} is approve, reject or spam. */
public record BulkRequest(String action, List<Long> ids, String reason) {
}
