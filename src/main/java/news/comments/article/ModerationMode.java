package news.comments.article;

/**
 * How an article's new comments start: {@code PRE} holds each one until approved (unless a rule approves it),
 * {@code POST} publishes at once (unless a rule holds or blocks it).
 */
public enum ModerationMode {
    PRE, POST
}
