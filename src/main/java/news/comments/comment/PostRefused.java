package news.comments.comment;

import news.comments.web.ProblemType;

/**
 * A post refused before anything was stored (closed article, duplicate, flood, invalid form, reused idempotency
 * key), fired by {@link PostingService} for listeners that count refusals (metrics). It carries the problem type
 * only: nothing of the post itself.
 */
public record PostRefused(ProblemType reason) {
}
