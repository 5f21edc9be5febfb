package news.comments.imports;

import news.comments.article.ModerationMode;
import news.comments.comment.CommentLifecycle;
import news.comments.comment.CommentStatus;

import java.time.Instant;
import java.util.List;

/** What a reader of an import file finds, in file order; {@link ImportWriter} stores it in bounded batches. */
interface ImportSink {

    /** An element's place in the file, for failures. */
    record Position(int line, int column) {
    }

    /**
     * An article of the file: {@code key} is its id in the file (WordPress's post id, Disqus's {@code dsq:id}),
     * which its comments name. {@code moderation} null means the settings' default mode.
     */
    record FileArticle(String key, String articleId, String title, String url, Instant publishedAt,
                       boolean commentsOpen, ModerationMode moderation, Position at) {

        /** An article of a foreign file, open for comments, in the default mode. */
        FileArticle(String key, String articleId, String title, String url, Instant publishedAt, Position at) {
            this(key, articleId, title, url, publishedAt, true, null, at);
        }
    }

    /**
     * Where a comment came from and its id there ({@code wxr} and {@code site#id}, {@code disqus} and the post's id,
     * {@code json} and the exporting service's {@code id:N}): unique together, so an import of the same file, or of the
     * original file after a restore, finds it.
     */
    record SourceKey(String source, String id) {
    }

    /**
     * What the service's own export keeps of a comment besides its history: who decided it last and when, and its
     * author's last edit. Null for foreign files.
     */
    record Marks(String moderatedBy, Instant moderatedAt, Instant editedAt) {
    }

    /**
     * A comment of the file, its body already plain text; {@code parent} is null for a top-level one. An empty body
     * is accepted only for a {@code DELETED} comment (erased in delete mode).
     */
    record FileComment(SourceKey key, String articleKey, SourceKey parent, String authorName, String authorEmail,
                       String authorUrl, String ip, String body, CommentStatus status, Instant createdAt,
                       Position at, String userAgent, List<CommentLifecycle.PastChange> history, Marks marks) {

        /** A comment of a foreign file: its parent from the same source, no user agent, history or marks. */
        FileComment(SourceKey key, String articleKey, String parentId, String authorName, String authorEmail,
                    String authorUrl, String ip, String body, CommentStatus status, Instant createdAt, Position at) {
            this(key, articleKey, parentId == null ? null : new SourceKey(key.source(), parentId), authorName,
                    authorEmail, authorUrl, ip, body, status, createdAt, at, null, null, null);
        }

        /** Its id in the file, as failures show it. */
        String sourceId() {
            return key.id();
        }

        @Override
        public String toString() {
            return "FileComment[" + key.source() + ":" + key.id() + "]";
        }
    }

    void article(FileArticle article);

    void comment(FileComment comment);

    /** A pingback or trackback, skipped. */
    void ping();

    /** An article the file marks as deleted (a Disqus thread), skipped. */
    void skippedArticle();

    /** A comment of a skipped article, skipped too. */
    void skippedComment();

    /** An element that cannot be imported, and why; the rest of the file goes on. */
    void failed(Position at, String element, String sourceId, String reason);
}
