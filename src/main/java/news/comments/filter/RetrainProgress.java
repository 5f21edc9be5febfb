package news.comments.filter;

/**
 * One line of {@code POST /api/admin/filter/retrain}'s stream: comments relearned so far of the decided comments
 * found at the start; the last line has {@code finished: true} and the model's status.
 */
public record RetrainProgress(long done, long total, boolean finished, FilterStatus status) {
}
