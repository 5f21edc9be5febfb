package news.comments.imports;

import news.comments.comment.CommentStatus;

import java.time.Instant;

/** What a reader of an import file finds, in file order; {@link ImportWriter} stores it in bounded batches. */
interface ImportSink {

    /** An element's place in the file, for failures. */
    record Position(int line, int column) {
    }

    /**
     * An article of the file: {@code key} is its id in the file (WordPress's post id, Disqus's {@code dsq:id}),
     * which its comments name.
     */
    record FileArticle(String key, String articleId, String title, String url, Instant publishedAt, Position at) {
    }

    /** A comment of the file, its body already plain text; {@code parentSourceId} is null for a top-level one. */
    record FileComment(String sourceId, String articleKey, String parentSourceId, String authorName,
                       String authorEmail, String authorUrl, String ip, String body, CommentStatus status,
                       Instant createdAt, Position at, String userAgent,
                       java.util.List<news.comments.comment.CommentLifecycle.PastChange> history) {

        FileComment(String sourceId, String articleKey, String parentSourceId, String authorName,
                    String authorEmail, String authorUrl, String ip, String body, CommentStatus status,
                    Instant createdAt, Position at) {
            this(sourceId, articleKey, parentSourceId, authorName, authorEmail, authorUrl, ip, body, status,
                    createdAt, at, null, null);
        }

        @Override
        public String toString() {
            return "FileComment[" + sourceId + "]";
        }
    }

    void article(FileArticle article);

    void comment(FileComment comment);

    /** A pingback or trackback, skipped. */
    void ping();

    /** An element that cannot be imported, and why; the rest of the file goes on. */
    void failed(Position at, String element, String sourceId, String reason);
}
