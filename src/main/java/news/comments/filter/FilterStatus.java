package news.comments.filter;

import java.time.Instant;

/**
 * What {@code GET /api/admin/filter} shows: decisions learned per class, tokens kept (and the bound), and when the
 * model last learned (null: never, or since it was forgotten).
 */
public record FilterStatus(long hamLearned, long spamLearned, long tokens, int maxTokens, Instant lastTrained) {
}
