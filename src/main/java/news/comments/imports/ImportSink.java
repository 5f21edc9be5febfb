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

    /** What the result counts besides created, skipped and failed: what was assumed or left out, and why. */
    enum Counter {
        /** An article without its usual id (a WordPress item without a slug): named by the post id or the link. */
        ID_FALLBACK,
        /** A Disqus thread that posts name but the file lacks: its article was made from the thread's id. */
        MISSING_THREAD,
        /** A comment without a status in the file: held as PENDING, never published on a guess. */
        WITHOUT_STATUS,
        /** A WordPress editorial note (comment_type {@code note}): not a reader's comment. */
        NOTE,
        /** A pingback or trackback. */
        PING
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
     * author's last edit (Remark42's edits too). Null for foreign files that have none of it.
     */
    record Marks(String moderatedBy, Instant moderatedAt, Instant editedAt) {
    }

    /**
     * A comment of the file, its body already plain text; {@code parent} is null for a top-level one. An empty body
     * is accepted only for a {@code DELETED} comment (erased in delete mode).
     */
    record FileComment(SourceKey key, String articleKey, SourceKey parent, String authorName, String authorEmail,
                       String authorUrl, String ip, String body, CommentStatus status, Instant createdAt,
                       Position at, String userAgent, List<CommentLifecycle.PastChange> history, Marks marks,
                       CommentLifecycle.ImportedDetails details) {

        /** A comment of a foreign file: its parent from the same source, no user agent, history or marks. */
        FileComment(SourceKey key, String articleKey, String parentId, String authorName, String authorEmail,
                    String authorUrl, String ip, String body, CommentStatus status, Instant createdAt, Position at) {
            this(key, articleKey, parentId == null ? null : new SourceKey(key.source(), parentId), authorName,
                    authorEmail, authorUrl, ip, body, status, createdAt, at, null, null, null, null);
        }

        /** The same comment with what the file knows beyond a foreign export's fields. */
        FileComment with(Marks newMarks, CommentLifecycle.ImportedDetails newDetails) {
            return new FileComment(key, articleKey, parent, authorName, authorEmail, authorUrl, ip, body, status,
                    createdAt, at, userAgent, history, newMarks, newDetails);
        }

        /** The same comment under another source id (an id the file uses twice for two comments). */
        FileComment rekeyed(String sourceId) {
            return new FileComment(new SourceKey(key.source(), sourceId), articleKey, parent, authorName, authorEmail,
                    authorUrl, ip, body, status, createdAt, at, userAgent, history, marks, details);
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

    /**
     * The id of the secret behind the keyed hashes of the service's own export ({@code keyedHashes}), read before its
     * parts: whether its bans and reports match here as they are.
     */
    default void keyedHashes(String id) {
    }

    /** One more of what the result counts apart ({@link Counter}). */
    void counted(Counter counter);

    /**
     * One record of a part of the service's own export that a feature restores (reports, bans, ...;
     * {@code news.comments.backup.BackupPart}), after every comment it may name.
     */
    void part(String name, com.fasterxml.jackson.databind.JsonNode record, Position at);

    /** An article the file marks as deleted (a Disqus thread), skipped. */
    void skippedArticle();

    /** A comment of a skipped article, skipped too. */
    void skippedComment();

    /** An element that cannot be imported, and why; the rest of the file goes on. */
    void failed(Position at, String element, String sourceId, String reason);

    /** An element imported under an assumption the admin should know of (a value that was not true or false). */
    void warned(Position at, String element, String sourceId, String reason);
}
