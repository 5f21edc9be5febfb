package news.comments.infra;

/**
 * The mark of statements that scheduled jobs send (metrics gauges and the like): a leading SQL comment, so that a
 * statement log or a test counting a request's statements can tell them from the request's own.
 */
public final class Background {

    public static final String SQL = "/* background */ ";

    private Background() {
    }
}
