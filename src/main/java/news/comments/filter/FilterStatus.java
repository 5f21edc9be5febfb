package news.comments.filter;

import java.time.Instant;

/**
 * What {@code GET /api/admin/filter} shows: decisions learned per class, tokens kept (and the bound), when the model
 * last learned (null: never, or since it was forgotten), and how many decided comments wait to be learned (the
 * learner takes them within moments of each decision; a number that stays up means it cannot).
 */
public record FilterStatus(long hamLearned, long spamLearned, long tokens, int maxTokens, Instant lastTrained,
                           long waiting) {
}
